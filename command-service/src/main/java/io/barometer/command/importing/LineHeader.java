package io.barometer.command.importing;

import java.lang.reflect.RecordComponent;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.Set;
import java.util.stream.Collectors;

import io.barometer.events.UserRole;

/**
 * What every line of an answer log carries besides its op: when it took effect, who wrote it, on whose behalf
 * and why. {@code recordedAt} and {@code byRole} are what an exported history adds (docs/answer-log.md): the
 * first is when the source installation stored the change, which no import can restate (the recorded clock is
 * this one's), so it is checked and kept only in the line's idempotency key; the second says in which role the
 * person wrote, so that an admin's own write to a response keeps its role in the audit.
 */
public record LineHeader(OffsetDateTime at, String by, String onBehalfOf, String reason, OffsetDateTime recordedAt,
                         UserRole byRole) {

    static final Set<String> FIELDS = Arrays.stream(LineHeader.class.getRecordComponents())
            .map(RecordComponent::getName).collect(Collectors.toUnmodifiableSet());
}

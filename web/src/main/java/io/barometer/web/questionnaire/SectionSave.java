package io.barometer.web.questionnaire;

import java.time.Clock;
import java.time.LocalTime;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.LongFunction;

import io.barometer.web.api.ApiProblem;
import io.barometer.web.api.ResponseState;
import io.barometer.web.api.Services.Written;

/**
 * Saves what a person changed in one section: one command per changed group, each sent with the version the
 * page holds as If-Match. When a colleague wrote meanwhile (412), the group is sent again on the new version
 * only if the colleague left that group as the page knew it; otherwise nothing is sent and both values are
 * shown for the person to keep one. Nobody silently overwrites anybody.
 */
public final class SectionSave {

    /** The section as it now shows, and the response's version after the writes. */
    public record Outcome(SectionState state, long version) {
    }

    /** How many times a group is sent again after colleagues' changes elsewhere before giving up. */
    private static final int ATTEMPTS = 3;

    private final Section section;
    private final LongFunction<ResponseState> refresh;
    private final Clock clock;

    /**
     * @param refresh reads the response once the read side holds at least the given version
     */
    public SectionSave(Section section, LongFunction<ResponseState> refresh, Clock clock) {
        this.section = section;
        this.refresh = refresh;
        this.clock = clock;
    }

    /**
     * @param take a group whose colleague's values the person chose to keep after a conflict, or null
     */
    public Outcome save(Map<String, String> submitted, Map<String, String> was, long version, String take) {
        Map<String, String> values = new LinkedHashMap<>(submitted);
        Map<String, String> known = new LinkedHashMap<>(was);
        Map<String, LocalTime> saved = new LinkedHashMap<>();
        Map<String, String> errors = new LinkedHashMap<>();
        Map<String, Map<String, String>> conflicts = new LinkedHashMap<>();
        Map<String, String> pending = new LinkedHashMap<>();
        ResponseState fresh = null;
        for (Group group : section.groups()) {
            if (group.id().equals(take)) {
                values.putAll(group.slice(known));
            }
            if (!group.changed(values, known)) {
                continue;
            }
            Optional<Map.Entry<String, String>> refused = section.check(group, values, known);
            if (refused.isPresent()) {
                errors.put(refused.get().getKey(), refused.get().getValue());
                continue;
            }
            Section.Command command = section.command(group, values, known);
            if (command == null) {
                pending.put(group.id(), section.pendingMessage(group));
                continue;
            }
            try {
                for (int attempt = 1; ; attempt++) {
                    try {
                        Written written = command.send(version);
                        version = Math.max(version, written.version());
                        saved.put(group.id(), LocalTime.now(clock).truncatedTo(ChronoUnit.MINUTES));
                        known.putAll(group.slice(values));
                        break;
                    } catch (ApiProblem p) {
                        if (!p.stale() || attempt == ATTEMPTS) {
                            throw p;
                        }
                        fresh = refresh.apply(version + 1);
                        version = fresh.version();
                        Map<String, String> theirs = group.slice(section.values(fresh));
                        if (theirs.equals(group.slice(values))) {
                            // Already stored as this person wants it (their own earlier request, or a colleague
                            // who gave the same answer): nothing to send, nothing to choose.
                            saved.put(group.id(), LocalTime.now(clock).truncatedTo(ChronoUnit.MINUTES));
                            known.putAll(theirs);
                            break;
                        }
                        if (!theirs.equals(group.slice(known))) {
                            conflicts.put(group.id(), theirs);
                            known.putAll(theirs);
                            break;
                        }
                    }
                }
            } catch (ApiProblem p) {
                String apiField = p.errors().isEmpty() ? "" : p.errors().get(0).field();
                String message = p.errors().isEmpty() || p.errors().get(0).message() == null ? p.getMessage()
                        : p.errors().get(0).message();
                errors.put(section.fieldOf(group, apiField), message);
            }
        }
        if (fresh != null) {
            // What colleagues changed in groups this person did not touch is shown as it now stands.
            Map<String, String> now = section.values(fresh);
            java.util.Set<String> grouped = new java.util.HashSet<>();
            for (Group group : section.groups()) {
                grouped.addAll(group.keys());
                if (!group.changed(values, was) && !conflicts.containsKey(group.id())) {
                    values.putAll(group.slice(now));
                    known.putAll(group.slice(now));
                }
            }
            // The section's bookkeeping (a catalogue item's project id, a free project's label) follows the
            // stored state: a colleague may have declared the item this page still knew as undeclared.
            now.forEach((key, value) -> {
                if (!grouped.contains(key) && !value.isEmpty()) {
                    values.put(key, value);
                    known.put(key, value);
                }
            });
        }
        return new Outcome(new SectionState(values, known, saved, errors, conflicts, pending), version);
    }
}

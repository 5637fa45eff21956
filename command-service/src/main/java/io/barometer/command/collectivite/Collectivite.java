package io.barometer.command.collectivite;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.messaging.MetaData;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.CreationPolicy;
import org.axonframework.spring.stereotype.Aggregate;

import io.barometer.command.rules.Applied;
import io.barometer.command.rules.Require;
import io.barometer.command.rules.DomainException;
import io.barometer.command.rules.Outcome;
import io.barometer.events.CollectiviteProfileCorrected;
import io.barometer.events.CollectiviteRegistered;
import io.barometer.events.MetadataKeys;

/** A city or intercommunality, with a stable id across editions. */
@Aggregate(cache = "collectiviteCache")
public class Collectivite {

    @AggregateIdentifier
    private String id;
    private CollectiviteRegistered registered;
    private CollectiviteProfileCorrected current;
    private final Applied applied = new Applied();

    protected Collectivite() {
    }

    public static String aggregateId(String collectiviteId) {
        return "collectivite/" + collectiviteId;
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    public Outcome handle(RegisterCollectivite cmd, MetaData meta) {
        long before = applied.version();
        Require.slug("collectivite", cmd.collectiviteId());
        CollectiviteProfileCorrected profile = new CollectiviteProfileCorrected(cmd.collectiviteId(), cmd.name(),
                cmd.kind(), cmd.region(), cmd.population(), cmd.parentId());
        validate(profile);
        if (registered != null) {
            // The same registration again (a second edition's log, a retry) changes nothing.
            if (applied.alreadyImported(meta) || profile.equals(asProfile(registered)) || profile.equals(current)) {
                return applied.since(before);
            }
            throw DomainException.conflict("collectivite", "collectivité " + cmd.collectiviteId()
                    + " is already registered with other fields; correct it instead");
        }
        apply(new CollectiviteRegistered(cmd.collectiviteId(), cmd.name(), cmd.kind(), cmd.region(),
                cmd.population(), cmd.parentId()));
        return applied.since(before);
    }

    @CommandHandler
    public Outcome handle(CorrectCollectivite cmd, MetaData meta) {
        long before = applied.version();
        if (meta.get(MetadataKeys.REASON) == null) {
            throw DomainException.invalid("reason", "a correction of a collectivité needs a reason");
        }
        if (cmd.fields().isEmpty()) {
            throw DomainException.invalid("body", "name at least one of " + CorrectCollectivite.CORRECTABLE);
        }
        CollectiviteProfileCorrected corrected = new CollectiviteProfileCorrected(current.collectiviteId(),
                cmd.fields().contains("name") ? cmd.name() : current.name(),
                cmd.fields().contains("kind") ? cmd.kind() : current.kind(),
                cmd.fields().contains("region") ? cmd.region() : current.region(),
                cmd.fields().contains("population") ? cmd.population() : current.population(),
                cmd.fields().contains("parentId") ? cmd.parentId() : current.parentId());
        validate(corrected);
        if (applied.alreadyImported(meta) || corrected.equals(current)) {
            return applied.since(before);
        }
        apply(corrected);
        return applied.since(before);
    }

    private void validate(CollectiviteProfileCorrected p) {
        Require.text("name", p.name(), 200);
        if (p.kind() == null) {
            throw DomainException.invalid("kind", "is required");
        }
        Require.text("region", p.region(), 100);
        if (p.population() != null && (p.population() < 0 || p.population() > 20_000_000)) {
            throw DomainException.invalid("population", "must be between 0 and 20 000 000, or null when unknown");
        }
        if (p.parentId() != null) {
            Require.slug("parentId", p.parentId());
            if (p.parentId().equals(p.collectiviteId())) {
                throw DomainException.invalid("parentId", "a collectivité cannot be its own parent");
            }
        }
    }

    private static CollectiviteProfileCorrected asProfile(CollectiviteRegistered r) {
        return new CollectiviteProfileCorrected(r.collectiviteId(), r.name(), r.kind(), r.region(), r.population(),
                r.parentId());
    }

    @EventSourcingHandler
    void on(CollectiviteRegistered e, @SequenceNumber long seq, MetaData meta) {
        id = aggregateId(e.collectiviteId());
        registered = e;
        current = asProfile(e);
        applied.record(seq, meta);
    }

    @EventSourcingHandler
    void on(CollectiviteProfileCorrected e, @SequenceNumber long seq, MetaData meta) {
        current = e;
        applied.record(seq, meta);
    }
}

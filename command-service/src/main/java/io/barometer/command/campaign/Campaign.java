package io.barometer.command.campaign;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import java.time.Instant;

import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.messaging.MetaData;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.CreationPolicy;
import org.axonframework.spring.stereotype.Aggregate;

import io.barometer.command.rules.Applied;
import io.barometer.command.rules.Require;
import io.barometer.command.rules.DomainException;
import io.barometer.command.rules.Outcome;
import io.barometer.events.CampaignDeadlineMoved;
import io.barometer.events.CampaignOpened;
import io.barometer.events.questionnaire.Questionnaire;
import io.barometer.support.questionnaire.Questionnaires;

/** An edition of the survey: its dates and its questionnaire definition. */
@Aggregate(cache = "campaignCache")
public class Campaign {

    @AggregateIdentifier
    private String id;
    private CampaignOpened opened;
    private Instant closesAt;
    private final Applied applied = new Applied();

    protected Campaign() {
    }

    /** Campaigns, collectivités and responses share the event table: ids are kept apart by a prefix. */
    public static String aggregateId(String campaignId) {
        return "campaign/" + campaignId;
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    public Outcome handle(OpenCampaign cmd, MetaData meta) {
        long before = applied.version();
        Require.slug("campaign", cmd.campaignId());
        if (cmd.year() == null || cmd.year() < 2000 || cmd.year() > 2100) {
            throw DomainException.invalid("year", "must be a year between 2000 and 2100");
        }
        Require.text("title", cmd.title(), 300);
        if (cmd.opensAt() == null) {
            throw DomainException.invalid("opensAt", "is required");
        }
        if (cmd.closesAt() == null || !cmd.closesAt().isAfter(cmd.opensAt())) {
            throw DomainException.invalid("closesAt", "must be after opensAt");
        }
        if (Questionnaires.find(cmd.questionnaireId()).isEmpty()) {
            throw DomainException.invalid("questionnaire", "unknown questionnaire definition; bundled: "
                    + Questionnaire.BUNDLED);
        }
        CampaignOpened event = new CampaignOpened(cmd.campaignId(), cmd.year(), cmd.title(), cmd.opensAt(),
                cmd.closesAt(), cmd.questionnaireId());
        if (opened != null) {
            if (applied.alreadyImported(meta) || event.equals(opened)) {
                return applied.since(before);
            }
            throw DomainException.conflict("campaign", "campaign " + cmd.campaignId() + " is already open with other settings");
        }
        apply(event);
        return applied.since(before);
    }

    @CommandHandler
    public Outcome handle(MoveDeadline cmd, MetaData meta) {
        long before = applied.version();
        if (cmd.closesAt() == null || !cmd.closesAt().isAfter(opened.opensAt())) {
            throw DomainException.invalid("closesAt", "must be after the campaign opens");
        }
        if (applied.alreadyImported(meta) || cmd.closesAt().equals(closesAt)) {
            return applied.since(before);
        }
        apply(new CampaignDeadlineMoved(cmd.campaignId(), cmd.closesAt()));
        return applied.since(before);
    }

    @EventSourcingHandler
    void on(CampaignOpened e, @SequenceNumber long seq, MetaData meta) {
        id = aggregateId(e.campaignId());
        opened = e;
        closesAt = e.closesAt();
        applied.record(seq, meta);
    }

    @EventSourcingHandler
    void on(CampaignDeadlineMoved e, @SequenceNumber long seq, MetaData meta) {
        closesAt = e.closesAt();
        applied.record(seq, meta);
    }
}

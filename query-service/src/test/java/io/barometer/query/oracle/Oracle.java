package io.barometer.query.oracle;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import javax.sql.DataSource;

import org.springframework.jdbc.core.JdbcTemplate;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

import io.barometer.events.ActorStatementRated;
import io.barometer.events.AgreementLevel;
import io.barometer.events.CampaignDeadlineMoved;
import io.barometer.events.CampaignOpened;
import io.barometer.events.CollectiviteProfileCorrected;
import io.barometer.events.CollectiviteRegistered;
import io.barometer.events.GovernanceScored;
import io.barometer.events.MetadataKeys;
import io.barometer.events.MotivationsRanked;
import io.barometer.events.ProgressUpdated;
import io.barometer.events.ProjectDeclared;
import io.barometer.events.ProjectWithdrawn;
import io.barometer.events.RespondentProfileAnswered;
import io.barometer.events.ResponseReopened;
import io.barometer.events.ResponseStarted;
import io.barometer.events.ResponseSubmitted;
import io.barometer.query.asof.AsOfState;
import io.barometer.query.asof.Basis;
import io.barometer.query.campaign.Campaign;

/**
 * A second, deliberately simple implementation of the as-of state: read the raw events of one campaign
 * from domain_event_entry, keep those whose clock is at or before T, sort them by (clock, sequence
 * number) and fold them in memory, one event at a time. No projection table, no SQL beyond one SELECT.
 */
public final class Oracle {

    /** One stored event, deserialized. */
    record Raw(long globalIndex, String aggregate, long sequence, Instant recorded, Instant effective, Object payload) {
        Instant clock(Basis basis) {
            return basis == Basis.EFFECTIVE ? effective : recorded;
        }
    }

    private static final ObjectMapper JSON = new ObjectMapper().registerModule(new JavaTimeModule())
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    private final List<Raw> campaignEvents;
    private final List<Raw> responseEvents;
    private final Map<String, List<Raw>> collectiviteEvents;
    private final String campaignId;

    public Oracle(DataSource dataSource, String campaignId) {
        this.campaignId = campaignId;
        JdbcTemplate jdbc = new JdbcTemplate(dataSource);
        List<Raw> all = jdbc.query("""
                SELECT global_index, aggregate_identifier, sequence_number, time_stamp, payload_type, payload, meta_data
                FROM domain_event_entry
                WHERE aggregate_identifier = ? OR aggregate_identifier LIKE ? OR aggregate_identifier LIKE 'collectivite/%'
                ORDER BY global_index
                """, (rs, n) -> raw(rs.getLong(1), rs.getString(2), rs.getLong(3), rs.getString(4), rs.getString(5),
                rs.getBytes(6), rs.getBytes(7)), "campaign/" + campaignId, campaignId + ":%");
        campaignEvents = all.stream().filter(r -> r.aggregate().equals("campaign/" + campaignId)).toList();
        responseEvents = all.stream().filter(r -> r.aggregate().startsWith(campaignId + ":")).toList();
        collectiviteEvents = new HashMap<>();
        all.stream().filter(r -> r.aggregate().startsWith("collectivite/")).forEach(r ->
                collectiviteEvents.computeIfAbsent(r.aggregate().substring("collectivite/".length()),
                        k -> new ArrayList<>()).add(r));
    }

    private static Raw raw(long index, String aggregate, long sequence, String timestamp, String type, byte[] payload,
                           byte[] meta) {
        try {
            Object event = JSON.readValue(payload, Class.forName(type));
            Map<String, Object> metaData = JSON.readValue(meta, new TypeReference<Map<String, Object>>() {
            });
            Instant recorded = Instant.parse(timestamp);
            Object effective = metaData.get(MetadataKeys.EFFECTIVE_AT);
            return new Raw(index, aggregate, sequence, recorded,
                    effective == null ? recorded : Instant.parse(effective.toString()), event);
        } catch (Exception e) {
            throw new IllegalStateException("cannot read event " + index, e);
        }
    }

    /** The campaign with its last deadline: deadlines apply retroactively, whatever T. */
    public Campaign campaign() {
        Campaign c = null;
        for (Raw r : campaignEvents.stream().sorted(Comparator.comparingLong(Raw::sequence)).toList()) {
            if (r.payload() instanceof CampaignOpened o) {
                c = new Campaign(o.campaignId(), o.year(), o.title(), o.opensAt(), o.closesAt(), o.questionnaireId(),
                        r.globalIndex());
            } else if (r.payload() instanceof CampaignDeadlineMoved m && c != null) {
                c = new Campaign(c.id(), c.year(), c.title(), c.opensAt(), m.closesAt(), c.questionnaireId(),
                        Math.max(c.lastGlobalIndex(), r.globalIndex()));
            }
        }
        return c;
    }

    private static final class Project {
        ProjectDeclared declared;
        io.barometer.events.ProgressStatus status;
        io.barometer.events.Governance governance;
        Instant lastChangedAt;
        boolean withdrawn;
    }

    private static final class Response {
        String collectivite;
        Instant startedAt;
        AsOfState.Profile profile;
        final Map<String, Project> projects = new LinkedHashMap<>();
        AsOfState.Ranking ranking;
        final TreeMap<String, AgreementLevel> actors = new TreeMap<>();
        boolean submitted;
        Instant submittedAt;
        long changes;
        long afterClosing;
        long version;
        long through;
    }

    /** The state as of T on a basis, with each project's label and last change (as a single response's view). */
    public AsOfState state(Instant asOf, Basis basis) {
        Campaign campaign = campaign();
        List<Raw> counted = responseEvents.stream().filter(r -> !r.clock(basis).isAfter(asOf))
                .sorted(Comparator.comparing((Raw r) -> r.clock(basis)).thenComparingLong(Raw::sequence))
                .toList();
        Map<String, Response> responses = new TreeMap<>();
        for (Raw r : counted) {
            Response s = responses.computeIfAbsent(r.aggregate(), k -> new Response());
            s.changes++;
            if (r.effective().isAfter(campaign.closesAt())) {
                s.afterClosing++;
            }
            s.version = Math.max(s.version, r.sequence() + 1);
            s.through = Math.max(s.through, r.globalIndex());
            Object e = r.payload();
            if (e instanceof ResponseStarted started) {
                s.collectivite = started.collectiviteId();
                s.startedAt = r.effective();
            } else if (e instanceof RespondentProfileAnswered p) {
                s.profile = new AsOfState.Profile(p.role(), p.worksInDigital(), p.organisation());
            } else if (e instanceof ProjectDeclared d) {
                Project p = new Project();
                p.declared = d;
                p.status = d.status();
                p.governance = d.governance();
                p.lastChangedAt = r.effective();
                s.projects.put(d.projectId(), p);
            } else if (e instanceof ProgressUpdated u) {
                Project p = s.projects.get(u.projectId());
                if (p != null) {
                    p.status = u.status();
                    p.lastChangedAt = r.effective();
                }
            } else if (e instanceof GovernanceScored g) {
                Project p = s.projects.get(g.projectId());
                if (p != null) {
                    p.governance = g.governance();
                    p.lastChangedAt = r.effective();
                }
            } else if (e instanceof ProjectWithdrawn w) {
                Project p = s.projects.get(w.projectId());
                if (p != null) {
                    p.withdrawn = true;
                }
            } else if (e instanceof MotivationsRanked m) {
                s.ranking = new AsOfState.Ranking(m.ranking(), m.definitions() == null ? Map.of() : m.definitions());
            } else if (e instanceof ActorStatementRated a) {
                s.actors.put(a.statement(), a.level());
            } else if (e instanceof ResponseSubmitted) {
                s.submitted = true;
                s.submittedAt = r.effective();
            } else if (e instanceof ResponseReopened) {
                s.submitted = false;
                s.submittedAt = null;
            }
        }
        List<AsOfState.Respondent> respondents = new ArrayList<>();
        for (Response s : responses.values()) {
            if (s.startedAt == null) {
                continue;
            }
            AsOfState.Place place = null;
            long through = s.through;
            List<Raw> collectivite = collectiviteEvents.getOrDefault(s.collectivite, List.of()).stream()
                    .filter(r -> !r.clock(basis).isAfter(asOf))
                    .sorted(Comparator.comparing((Raw r) -> r.clock(basis)).thenComparingLong(Raw::sequence))
                    .toList();
            for (Raw r : collectivite) {
                through = Math.max(through, r.globalIndex());
                if (r.payload() instanceof CollectiviteRegistered c) {
                    place = new AsOfState.Place(c.name(), c.kind(), c.region(), c.population());
                } else if (r.payload() instanceof CollectiviteProfileCorrected c) {
                    place = new AsOfState.Place(c.name(), c.kind(), c.region(), c.population());
                }
            }
            List<AsOfState.Project> projects = new ArrayList<>();
            s.projects.values().stream().filter(p -> !p.withdrawn)
                    .sorted(Comparator.comparing(p -> p.declared.projectId()))
                    .forEach(p -> projects.add(new AsOfState.Project(p.declared.projectId(), p.declared.domain(),
                            p.declared.catalogueItem(), p.declared.label(), p.status, p.governance, p.lastChangedAt)));
            respondents.add(new AsOfState.Respondent(s.collectivite, s.startedAt,
                    s.startedAt.isAfter(campaign.closesAt()), place, s.profile, projects, s.ranking, s.actors,
                    s.submitted, s.submittedAt, s.changes, s.afterClosing, s.version, through));
        }
        respondents.sort(Comparator.comparing(AsOfState.Respondent::collectiviteId));
        return new AsOfState(campaign, asOf, basis, respondents);
    }

    /** The same without what only a single response's view loads (project ids, labels, last changes). */
    public static AsOfState forStatistics(AsOfState state) {
        List<AsOfState.Respondent> respondents = state.respondents().stream().map(r -> new AsOfState.Respondent(
                r.collectiviteId(), r.startedAt(), r.late(), r.place(), r.profile(),
                r.projects().stream().map(p -> new AsOfState.Project(null, p.domain(), p.catalogueItem(), null,
                        p.status(), p.governance(), null)).toList(),
                r.motivations(), r.actors(), r.submitted(), r.submittedAt(), r.changes(), r.changesAfterClosing(),
                r.version(), r.through())).toList();
        return new AsOfState(state.campaign(), state.asOf(), state.basis(), respondents);
    }

    public String campaignId() {
        return campaignId;
    }
}

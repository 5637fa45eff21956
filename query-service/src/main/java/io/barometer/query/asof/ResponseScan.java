package io.barometer.query.asof;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;

import io.barometer.events.CollectiviteKind;
import io.barometer.query.asof.ResponseVersions.Known;

/** Respondents' response-level values and places as of a cut-off; a whole campaign's from its folded entries first. */
final class ResponseScan {

    private final NamedParameterJdbcTemplate jdbc;
    private final ResponseVersions versions;
    private final FoldedResponses folded;

    ResponseScan(NamedParameterJdbcTemplate jdbc, ResponseVersions versions, FoldedResponses folded) {
        this.jdbc = jdbc;
        this.versions = versions;
        this.folded = folded;
    }

    /**
     * Every response-level fact as of T of one response ({@code only}; null: of the whole campaign), newest first
     * per value: the first of each (attribute, statement) is the value; all of them count as the respondent's
     * changes. Only the respondents started as of T remain.
     */
    Map<String, RespondentBuilder> read(CutOff cut, String only) {
        String k = cut.column();
        MapSqlParameterSource p = cut.parameters().addValue("coll", only);
        String oneResponse = only == null ? "" : " AND collectivite_id = :coll";
        Map<String, RespondentBuilder> builders = new TreeMap<>();
        ResponseFold responses = new ResponseFold(builders);
        jdbc.query("""
                SELECT collectivite_id, attribute, statement, sequence_number, global_index,
                       effective_at > :closes AS after_closing, effective_at, role, works_in_digital, organisation,
                       ranking, definitions, level, submitted
                FROM answer_fact
                WHERE campaign_id = :c AND project_id IS NULL AND %1$s <= :t%2$s
                ORDER BY collectivite_id, attribute, statement, %1$s DESC, sequence_number DESC
                """.formatted(k, oneResponse), p, responses::row);
        // A value without its start cannot happen on either clock (the write side refuses it); drop it anyway.
        builders.values().removeIf(b -> b.startedAt == null);
        return builders;
    }

    /**
     * The profiles of the respondents' collectivités as of T — only theirs: the synthesis of a small campaign
     * must not read every collectivité the store knows.
     */
    void places(CutOff cut, Map<String, RespondentBuilder> builders) {
        String k = cut.column();
        MapSqlParameterSource q = cut.parameters()
                .addValue("respondents", builders.keySet().toArray(String[]::new));
        jdbc.query("""
                SELECT DISTINCT ON (collectivite_id) collectivite_id, name, kind, region, population,
                       max(global_index) OVER (PARTITION BY collectivite_id) AS through
                FROM collectivite_fact
                WHERE collectivite_id = ANY(:respondents) AND %1$s <= :t
                ORDER BY collectivite_id, %1$s DESC, sequence_number DESC
                """.formatted(k), q, rs -> {
            RespondentBuilder b = builders.get(rs.getString("collectivite_id"));
            if (b != null) {
                String kind = rs.getString("kind");
                b.place = new AsOfState.Place(rs.getString("name"), kind == null ? null : CollectiviteKind.valueOf(kind),
                        rs.getString("region"), (Integer) rs.getObject("population"));
                b.through = Math.max(b.through, rs.getLong("through"));
            }
        });
    }

    /**
     * The respondents of a whole campaign as of T with their response-level values, as {@link #read} reads
     * them, except that those whose values {@link FoldedResponses} holds, from facts that all count as of
     * T, are taken from it; of the others, those whose entry is missing or outdated have all their response-level
     * facts read and folded into a new entry in the same pass. Few left to read: a list of them; many: the
     * whole campaign, whose taken respondents are skipped.
     */
    Map<String, RespondentBuilder> campaign(CutOff cut, Known known) {
        FoldedResponses.Plan<FoldedResponses.Values> plan = folded.values(cut, known.respondents(), known.versions());
        Map<String, RespondentBuilder> builders = new TreeMap<>();
        plan.taken().forEach((c, entry) -> builders.put(c, RespondentBuilder.of(c, entry)));
        List<String> toRead = plan.toRead();
        List<String> refresh = plan.refresh();
        if (toRead.isEmpty()) {
            return builders;
        }
        String k = cut.column();
        boolean listed = plan.listed();
        String sql = """
                SELECT collectivite_id, attribute, statement, sequence_number, global_index,
                       effective_at > :closes AS after_closing, effective_at, role, works_in_digital, organisation,
                       ranking, definitions, level, submitted, %1$s <= :t AS counts, %1$s AS clock
                FROM answer_fact
                WHERE campaign_id = :c AND project_id IS NULL%2$s%3$s
                ORDER BY collectivite_id, attribute, statement, %1$s DESC, sequence_number DESC
                """.formatted(k, listed ? " AND collectivite_id = ANY(:toRead)" : "",
                refresh.isEmpty() ? " AND " + k + " <= :t"
                        : refresh.size() == toRead.size() ? "" : " AND (" + k + " <= :t OR collectivite_id = ANY(:refresh))");
        MapSqlParameterSource q = cut.parameters()
                .addValue("toRead", toRead.toArray(String[]::new))
                .addValue("refresh", refresh.toArray(String[]::new));
        Set<String> refreshed = Set.copyOf(refresh);
        Set<String> takenSet = Set.copyOf(plan.taken().keySet());
        Map<String, RespondentBuilder> all = new HashMap<>();
        ResponseFold asOfFold = new ResponseFold(builders);
        ResponseFold allFold = new ResponseFold(all);
        Map<String, Long> latest = new HashMap<>();
        Map<String, Long> refreshedVersions = versions.withFacts(cut, refresh, () -> {
            // Sorted in memory on one process, leaving both cores to the project slices; planned for each list,
            // since a generic plan would not hash it (docs/query-service.md, Performance).
            PlannerHints.setLocal(jdbc, "work_mem = '64MB'", "max_parallel_workers_per_gather = 0",
                    "plan_cache_mode = force_custom_plan");
            jdbc.query(sql, q, (RowCallbackHandler) rs -> {
                String c = rs.getString("collectivite_id");
                if (takenSet.contains(c)) {
                    // Read with the whole campaign; its values are the entry's.
                    return;
                }
                if (rs.getBoolean("counts")) {
                    asOfFold.row(rs);
                }
                if (refreshed.contains(c)) {
                    allFold.row(rs);
                    latest.merge(c, Timestamps.micros(Timestamps.instant(rs, "clock")), Math::max);
                }
            });
        });
        builders.values().removeIf(b -> b.startedAt == null);
        for (String c : refresh) {
            RespondentBuilder b = all.get(c);
            if (b != null && b.startedAt != null && refreshedVersions.containsKey(c)) {
                folded.put(cut, c, b.values(refreshedVersions.get(c), cut.closesAt(), latest.get(c)));
            }
        }
        return builders;
    }
}

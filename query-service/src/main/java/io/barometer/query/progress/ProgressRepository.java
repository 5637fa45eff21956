package io.barometer.query.progress;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.Map;
import java.util.TreeMap;

import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Repository;

import io.barometer.query.asof.Basis;
import io.barometer.query.people.PersonNames;

/** What the progress view reads besides the responses as of a cut-off: who is registered, and each last change. */
@Repository
public class ProgressRepository {

    private final NamedParameterJdbcTemplate jdbc;
    private final PersonNames people;

    public ProgressRepository(NamedParameterJdbcTemplate jdbc, PersonNames people) {
        this.jdbc = jdbc;
        this.people = people;
    }

    /** Collectivités registered as of the instant, with their name then, by id. */
    public Map<String, String> registered(Instant instant, Basis clock) {
        Map<String, String> names = new TreeMap<>();
        jdbc.query("""
                SELECT DISTINCT ON (collectivite_id) collectivite_id, name
                FROM collectivite_fact WHERE %1$s <= :t
                ORDER BY collectivite_id, %1$s DESC, sequence_number DESC
                """.formatted(clock.column()), new MapSqlParameterSource("t", utc(instant)),
                rs -> {
                    names.put(rs.getString("collectivite_id"), rs.getString("name"));
                });
        return names;
    }

    /** Each response's latest change as of the instant (on the chosen clock), and who made it. */
    public Map<String, LastChange> lastChanges(String campaignId, Instant instant, Basis clock) {
        Map<String, LastChange> last = new HashMap<>();
        jdbc.query("""
                SELECT DISTINCT ON (f.collectivite_id) f.collectivite_id, f.%1$s AS at, a.user_id, a.user_role,
                       a.on_behalf_of
                FROM answer_fact f JOIN answer_attribution a USING (global_index)
                WHERE f.campaign_id = :c AND f.%1$s <= :t
                ORDER BY f.collectivite_id, f.%1$s DESC, f.sequence_number DESC
                """.formatted(clock.column()), new MapSqlParameterSource("c", campaignId).addValue("t", utc(instant)),
                rs -> {
                    last.put(rs.getString("collectivite_id"), new LastChange(
                            rs.getObject("at", OffsetDateTime.class).toInstant(), rs.getString("user_id"), null,
                            rs.getString("user_role"), rs.getString("on_behalf_of")));
                });
        Map<String, String> names = people.displayNames(last.values().stream().map(LastChange::userId).toList());
        last.replaceAll((collectivite, change) -> new LastChange(change.at(), change.userId(),
                names.get(change.userId()), change.userRole(), change.onBehalfOf()));
        return last;
    }

    private static OffsetDateTime utc(Instant instant) {
        return OffsetDateTime.ofInstant(instant, ZoneOffset.UTC);
    }
}

package io.barometer.query.people;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * People as command-service keeps them (public.person, public.account), read at the moment of the request, with
 * the number of changes the projections attribute to each.
 */
@Repository
public class PeopleRepository {

    private static final String PERSON = """
            SELECT p.id::text AS id, p.username, p.display_name, p.email, p.collectivite_id, a.role, a.enabled,
                   p.created_at, p.erased_at
            FROM public.person p LEFT JOIN public.account a ON a.person_id = p.id
            """;

    private final JdbcClient jdbc;

    public PeopleRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** One person with their count of changes; empty when the text is no person's id. */
    public Optional<PersonItem> one(String personId) {
        if (!PersonNames.isId(personId)) {
            return Optional.empty();
        }
        return jdbc.sql(PERSON + " WHERE p.id = CAST(:id AS uuid)").param("id", personId)
                .query(PeopleRepository::item).optional()
                .map(p -> p.counted(changes(List.of(p.id())).getOrDefault(p.id(), 0L)));
    }

    /**
     * One page of the people of a collectivité, or of everyone when {@code collectivite} is null, by name; the
     * erased, who have none, last.
     */
    public PeoplePage page(String collectivite, int page, int size) {
        List<PersonItem> people = jdbc.sql(PERSON + """
                         WHERE CAST(:coll AS varchar) IS NULL OR p.collectivite_id = :coll
                        ORDER BY lower(coalesce(p.display_name, p.username)) NULLS LAST, p.id
                        LIMIT :size OFFSET :offset
                        """)
                .param("coll", collectivite).param("size", size).param("offset", (long) page * size)
                .query(PeopleRepository::item).list();
        long total = jdbc.sql("""
                        SELECT count(*) FROM public.person
                        WHERE CAST(:coll AS varchar) IS NULL OR collectivite_id = :coll
                        """)
                .param("coll", collectivite).query(Long.class).single();
        Map<String, Long> changes = changes(people.stream().map(PersonItem::id).toList());
        return new PeoplePage(people.stream().map(p -> p.counted(changes.getOrDefault(p.id(), 0L))).toList(), page,
                size, total);
    }

    /**
     * Events attributed to each person (their {@code userId}), counted in the fact tables: answers through
     * answer_attribution's index by user; campaign and collectivité facts, a few rows per campaign and per
     * collectivité, read whole.
     */
    private Map<String, Long> changes(Collection<String> personIds) {
        Map<String, Long> counts = new HashMap<>();
        if (personIds.isEmpty()) {
            return counts;
        }
        jdbc.sql("""
                        SELECT user_id, count(*) FROM (
                            SELECT user_id FROM answer_attribution WHERE user_id = ANY (:ids)
                            UNION ALL
                            SELECT user_id FROM campaign_fact WHERE user_id = ANY (:ids)
                            UNION ALL
                            SELECT user_id FROM collectivite_fact WHERE user_id = ANY (:ids)
                        ) attributed GROUP BY user_id
                        """)
                .param("ids", personIds.toArray(String[]::new))
                .query(rs -> {
                    counts.put(rs.getString(1), rs.getLong(2));
                });
        return counts;
    }

    /** A person as read, before their changes are counted. */
    private static PersonItem item(ResultSet rs, int row) throws SQLException {
        return new PersonItem(rs.getString("id"), rs.getString("username"), rs.getString("display_name"),
                rs.getString("email"), rs.getString("collectivite_id"), rs.getString("role"),
                (Boolean) rs.getObject("enabled"), instant(rs, "created_at"), instant(rs, "erased_at"), 0);
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
        return value == null ? null : value.toInstant();
    }
}

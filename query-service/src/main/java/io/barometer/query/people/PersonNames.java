package io.barometer.query.people;

import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * What the read side may say of a person named by id in the events, read from command-service's person table
 * at the moment of each request and never kept: an erasure shows in the very next answer. One query per page
 * of rows, whatever the number of people on it.
 */
@Repository
public class PersonNames {

    /** The display name of an erased person: the history still shows that one person made those changes. */
    public static final String ERASED = "personne effacée";

    /** A person id as command-service writes it; anything else in an event's metadata names nobody. */
    private static final Pattern ID = Pattern.compile("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");

    private final JdbcClient jdbc;

    public PersonNames(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Display names by person id: the display name, else the username, else {@link #ERASED} once erased. An id
     * no person has is absent from the map.
     */
    public Map<String, String> displayNames(Collection<String> ids) {
        Map<String, String> names = new HashMap<>();
        for (Person p : read(ids)) {
            names.put(p.id(), p.erased() ? ERASED : p.displayName() != null ? p.displayName() : p.username());
        }
        return names;
    }

    /**
     * Usernames by person id, of the people who are not erased: what a file meant for re-import names them by.
     * An erased person, or an id no person has, is absent from the map.
     */
    public Map<String, String> usernames(Collection<String> ids) {
        Map<String, String> names = new HashMap<>();
        for (Person p : read(ids)) {
            if (!p.erased() && p.username() != null) {
                names.put(p.id(), p.username());
            }
        }
        return names;
    }

    /**
     * The person ids a filter's value may mean: the value itself when it is an id, and the id of the person with
     * that username. An unknown username means nobody: an empty list.
     */
    public List<String> idsMatching(String idOrUsername) {
        Set<String> ids = new LinkedHashSet<>();
        if (isId(idOrUsername)) {
            ids.add(idOrUsername);
        }
        ids.addAll(jdbc.sql("SELECT id::text FROM public.person WHERE username = ?").param(idOrUsername)
                .query(String.class).list());
        return List.copyOf(ids);
    }

    private record Person(String id, String username, String displayName, boolean erased) {
    }

    /** The people of these ids, in one query; whatever is not a person id is left out before asking. */
    private List<Person> read(Collection<String> ids) {
        String[] wanted = ids.stream().filter(PersonNames::isId).distinct().toArray(String[]::new);
        if (wanted.length == 0) {
            return List.of();
        }
        return jdbc.sql("""
                        SELECT id::text, username, display_name, erased_at IS NOT NULL
                        FROM public.person WHERE id = ANY (CAST(? AS uuid[]))
                        """)
                .param(wanted)
                .query((rs, n) -> new Person(rs.getString(1), rs.getString(2), rs.getString(3), rs.getBoolean(4)))
                .list();
    }

    static boolean isId(String value) {
        return value != null && ID.matcher(value).matches();
    }
}

package io.barometer.web.questionnaire;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import io.barometer.web.api.ResponseState;
import io.barometer.web.api.Services.Written;

/** One part of the questionnaire that a form saves: its fields by key, grouped by the command that saves them. */
public interface Section {

    /** The section's id in forms and URLs: {@code profile}, {@code projects-education}, {@code actors}… */
    String id();

    /** The stored answers of this section by field key ("" for none). */
    Map<String, String> values(ResponseState state);

    /** Every group of fields of this section. */
    List<Group> groups();

    /** A refusal this page can give before asking the service (e.g. two motivations of one rank), by field. */
    default Optional<Map.Entry<String, String>> check(Group group, Map<String, String> values, Map<String, String> was) {
        return Optional.empty();
    }

    /**
     * The one command that stores the group's new values, to be sent with the version the page holds; null
     * when the group is not complete enough to send yet (its values stay on the page, unsaved).
     */
    Command command(Group group, Map<String, String> values, Map<String, String> was);

    /** What a group still needs before it can be sent (a text key), when {@link #command} gave none. */
    default String pendingMessage(Group group) {
        return "section.pending";
    }

    /**
     * The field an API error is about, translated from the API's field name to this section's key
     * (the API says {@code status}; the page's field is {@code status.digital_equipment_in_schools}).
     */
    default String fieldOf(Group group, String apiField) {
        for (String key : group.keys()) {
            if (key.equals(apiField) || key.startsWith(apiField + ".")) {
                return key;
            }
        }
        return group.keys().get(0);
    }

    /** A command bound to everything but the version it is sent with. */
    interface Command {
        Written send(long ifMatch);
    }
}

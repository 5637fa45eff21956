package io.barometer.web.questionnaire;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.barometer.web.api.Caller;
import io.barometer.web.api.Services;

/**
 * The services as a section's commands see them, minus HTTP: each write is noted with its arguments and
 * answers the version after the one it was sent with. The URLs cannot resolve, so a call this class does
 * not override fails the test instead of reaching a real service.
 */
final class RecordingServices extends Services {

    /** One write: its name, the response it went to, the If-Match it carried and its other arguments in order. */
    record Call(String command, String campaign, String collectivite, long ifMatch, List<Object> arguments) {
    }

    final List<Call> calls = new ArrayList<>();

    RecordingServices() {
        super("http://command.invalid", "http://query.invalid", new ObjectMapper());
    }

    Target target() {
        return new Target(this, Caller.of("respondent-token"), "bvn-2014", "vannes");
    }

    @Override
    public Written declare(Caller caller, String campaign, String collectivite, long ifMatch, String project,
                           String domain, String catalogueItem, String label, String status) {
        return note("declare", campaign, collectivite, ifMatch, project, domain, catalogueItem, label, status);
    }

    @Override
    public Written progress(Caller caller, String campaign, String collectivite, long ifMatch, String project,
                            String status) {
        return note("progress", campaign, collectivite, ifMatch, project, status);
    }

    @Override
    public Written withdraw(Caller caller, String campaign, String collectivite, long ifMatch, String project) {
        return note("withdraw", campaign, collectivite, ifMatch, project);
    }

    @Override
    public Written motivations(Caller caller, String campaign, String collectivite, long ifMatch, List<String> ranking,
                               Map<String, List<String>> definitions) {
        return note("motivations", campaign, collectivite, ifMatch, ranking, definitions);
    }

    private Written note(String command, String campaign, String collectivite, long ifMatch, Object... arguments) {
        // Arrays.asList, not List.of: a command may carry nulls (no label, no status yet).
        calls.add(new Call(command, campaign, collectivite, ifMatch, Arrays.asList(arguments)));
        return new Written(ifMatch + 1, true);
    }
}

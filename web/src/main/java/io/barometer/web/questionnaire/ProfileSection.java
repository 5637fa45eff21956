package io.barometer.web.questionnaire;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.barometer.web.api.ResponseState;

/** The respondent's profile: role, works in digital, the organisation in charge of digital. One command. */
public final class ProfileSection implements Section {

    static final Group PROFILE = new Group("profile", List.of("role", "worksInDigital", "organisation"));

    private final Target target;

    public ProfileSection(Target target) {
        this.target = target;
    }

    @Override
    public String id() {
        return "profile";
    }

    @Override
    public Map<String, String> values(ResponseState state) {
        Map<String, String> values = new LinkedHashMap<>();
        ResponseState.Profile p = state.profile();
        values.put("role", p == null ? "" : p.role());
        values.put("worksInDigital", p == null ? "" : Boolean.toString(p.worksInDigital()));
        values.put("organisation", p == null || p.organisation() == null ? "" : p.organisation());
        return values;
    }

    @Override
    public List<Group> groups() {
        return List.of(PROFILE);
    }

    @Override
    public Command command(Group group, Map<String, String> values, Map<String, String> was) {
        String role = blankToNull(values.get("role"));
        String works = blankToNull(values.get("worksInDigital"));
        String organisation = blankToNull(values.get("organisation"));
        return ifMatch -> target.services().profile(target.caller(), target.campaign(), target.collectivite(), ifMatch,
                role, works == null ? null : Boolean.valueOf(works), organisation == null ? null : organisation.strip());
    }

    static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value;
    }
}

package io.barometer.web.questionnaire;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.barometer.events.questionnaire.Questionnaire;
import io.barometer.support.questionnaire.Questionnaires;
import io.barometer.web.api.ResponseState;
import io.barometer.web.api.ResponseState.Project;

class ProjectsSectionTest {

    private static final String VIDEO = "city_video_surveillance";
    private static final String CENTRAL = "centralised_surveillance_information";
    private static final String ALERTS = "mobile_natural_disaster_alerts";

    /** The 2014 security domain: three catalogue items, small enough to list every field. */
    private static final Questionnaire.Domain SECURITY = Questionnaires.get("bvn-2014").domain("security").orElseThrow();

    /** Video surveillance declared DONE, one free project STUDY, and one project of another domain. */
    private static final ResponseState STATE = new ResponseState("bvn-2014", "vannes", 5, null, false, null, null,
            null, null, null, List.of(
                    new Project("p-video", "security", VIDEO, null, "DONE", null, null, null),
                    new Project("p-cams", "security", null, "Caméras piétons", "STUDY", null, null, null),
                    new Project("p-wifi", "education", "classroom_wifi", null, "DONE", null, null, null)),
            null, null, null);

    private final RecordingServices services = new RecordingServices();
    private final ProjectsSection section = new ProjectsSection(services.target(), SECURITY,
            ProjectsSection.freeProjectsOf(STATE, "security"));

    /** What the page knew to be stored, and what the person sees and changes: both start as stored. */
    private final Map<String, String> was = stored();
    private final Map<String, String> values = stored();

    private Map<String, String> stored() {
        return new LinkedHashMap<>(section.values(STATE));
    }

    private void send(String groupId) {
        section.command(group(groupId), values, was).send(5);
    }

    private Group group(String id) {
        return section.groups().stream().filter(g -> g.id().equals(id)).findFirst().orElseThrow();
    }

    @Test
    void valuesListEveryCatalogueItemThenTheDomainsFreeProjectsThenAnEmptyNewOne() {
        assertThat(section.values(STATE)).containsExactly(
                entry("item." + VIDEO, "on"), entry("status." + VIDEO, "DONE"), entry("id." + VIDEO, "p-video"),
                entry("item." + CENTRAL, ""), entry("status." + CENTRAL, ""), entry("id." + CENTRAL, ""),
                entry("item." + ALERTS, ""), entry("status." + ALERTS, ""), entry("id." + ALERTS, ""),
                entry("keep.p-cams", "on"), entry("status.p-cams", "STUDY"), entry("label.p-cams", "Caméras piétons"),
                entry("newLabel", ""), entry("newStatus", ""));
    }

    @Test
    void eachItemEachFreeProjectAndTheNewOneIsAGroupOfItsOwn() {
        assertThat(section.id()).isEqualTo("projects-security");
        assertThat(section.groups()).containsExactly(
                new Group("item." + VIDEO, List.of("item." + VIDEO, "status." + VIDEO)),
                new Group("item." + CENTRAL, List.of("item." + CENTRAL, "status." + CENTRAL)),
                new Group("item." + ALERTS, List.of("item." + ALERTS, "status." + ALERTS)),
                new Group("free.p-cams", List.of("keep.p-cams", "status.p-cams")),
                new Group("new", List.of("newLabel", "newStatus")));
    }

    @Test
    void theFreeProjectsOfAFormAreThoseItShowsALabelFor() {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("keep.p-cams", "on");
        form.put("label.p-cams", "Caméras piétons");
        form.put("label.p-new", "Borne");
        form.put("newLabel", "");

        assertThat(ProjectsSection.freeProjectsOf(form)).containsExactly("p-cams", "p-new");
    }

    @Test
    void tickingAnItemDeclaresItFromTheCatalogueWithItsStatusAndKeepsItsNewId() {
        values.put("item." + CENTRAL, "on");
        values.put("status." + CENTRAL, "IN_PROGRESS");

        send("item." + CENTRAL);

        RecordingServices.Call call = services.calls.get(0);
        String declared = (String) call.arguments().get(0);
        assertThat(services.calls).containsExactly(new RecordingServices.Call("declare", "bvn-2014", "vannes", 5,
                Arrays.asList(declared, "security", CENTRAL, null, "IN_PROGRESS")));
        assertThat(declared).isNotBlank();
        // A later status change of this item must name the project just declared.
        assertThat(values.get("id." + CENTRAL)).isEqualTo(declared);
        assertThat(was.get("id." + CENTRAL)).isEqualTo(declared);
    }

    @Test
    void choosingAStatusForAnUntickedItemDeclaresIt() {
        values.put("status." + ALERTS, "STUDY");

        send("item." + ALERTS);

        assertThat(services.calls).extracting(RecordingServices.Call::command).containsExactly("declare");
        assertThat(services.calls.get(0).arguments()).containsSequence("security", ALERTS, null, "STUDY");
        assertThat(values.get("item." + ALERTS)).isEqualTo("on");
    }

    @Test
    void untickingADeclaredItemWithdrawsItsProjectAndClearsItsStatus() {
        values.put("item." + VIDEO, "");

        send("item." + VIDEO);

        assertThat(services.calls).containsExactly(
                new RecordingServices.Call("withdraw", "bvn-2014", "vannes", 5, Arrays.asList("p-video")));
        assertThat(values.get("status." + VIDEO)).isEmpty();
    }

    @Test
    void anotherStatusForADeclaredItemUpdatesItsProgress() {
        values.put("status." + VIDEO, "IN_PROGRESS");

        send("item." + VIDEO);

        assertThat(services.calls).containsExactly(
                new RecordingServices.Call("progress", "bvn-2014", "vannes", 5, Arrays.asList("p-video", "IN_PROGRESS")));
    }

    @Test
    void untickingAFreeProjectWithdrawsIt() {
        values.put("keep.p-cams", "");

        send("free.p-cams");

        assertThat(services.calls).containsExactly(
                new RecordingServices.Call("withdraw", "bvn-2014", "vannes", 5, Arrays.asList("p-cams")));
    }

    @Test
    void aNewFreeProjectIsDeclaredWithItsTrimmedLabelAndJoinsTheDomainsFreeProjects() {
        values.put("newLabel", "  Borne d'appel d'urgence  ");

        send("new");

        List<Object> arguments = services.calls.get(0).arguments();
        String project = (String) arguments.get(0);
        assertThat(arguments).isEqualTo(Arrays.asList(project, "security", null, "Borne d'appel d'urgence", null));
        assertThat(values).contains(entry("keep." + project, "on"), entry("label." + project, "Borne d'appel d'urgence"),
                entry("status." + project, ""), entry("newLabel", ""), entry("newStatus", ""));
        // Known as stored too, so that the next save does not take the new project for a change.
        assertThat(was).contains(entry("keep." + project, "on"));
    }

    @Test
    void aStatusForANewProjectWithoutALabelWaitsForTheLabel() {
        values.put("newStatus", "STUDY");
        values.put("newLabel", "   ");

        assertThat(section.command(group("new"), values, was)).isNull();
    }

    @Test
    void clearingTheStatusOfAKeptProjectIsRefusedOnItsStatusField() {
        values.put("status." + VIDEO, "");

        assertThat(section.check(group("item." + VIDEO), values, was))
                .contains(entry("status." + VIDEO, "text:projects.statusCannotBeCleared"));
    }

    @Test
    void untickingAProjectAlongWithItsStatusIsNoRefusal() {
        values.put("item." + VIDEO, "");
        values.put("status." + VIDEO, "");

        assertThat(section.check(group("item." + VIDEO), values, was)).isEmpty();
    }

    @Test
    void theApisStatusFieldIsTheItemsStatusOnThePage() {
        assertThat(section.fieldOf(group("item." + VIDEO), "status")).isEqualTo("status." + VIDEO);
        assertThat(section.fieldOf(group("item." + VIDEO), "project")).isEqualTo("item." + VIDEO);
    }
}

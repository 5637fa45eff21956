package io.barometer.launcher.bench;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;

import io.barometer.launcher.Api;

/** One response the write benchmark drives, with the projects it has declared. */
final class WriteTarget {

    private static final String[] STATUS = {"STUDY", "IN_PROGRESS", "DONE"};
    private static final String[] LEVELS = {"STRONGLY_DISAGREE", "DISAGREE", "AGREE", "STRONGLY_AGREE"};
    private static final String[] STATEMENTS = {"priority_to_citizen_interests", "co_construction_city_citizens",
            "projects_serve_territory_interests"};

    final String url;
    final boolean heavy;
    private final List<String> projects = new ArrayList<>();
    private final List<String> statuses = new ArrayList<>();

    WriteTarget(String url, boolean heavy) {
        this.url = url;
        this.heavy = heavy;
    }

    int declare(Api api, String token) throws Exception {
        String id = UUID.randomUUID().toString();
        int status = api.json("POST", url + "/projects", token, Map.of("project", id, "domain", "education",
                "label", "Projet " + id.substring(0, 8), "status", "STUDY")).status();
        synchronized (this) {
            projects.add(id);
            statuses.add("STUDY");
        }
        return status;
    }

    int progress(Api api, String token) throws Exception {
        int i;
        String next;
        synchronized (this) {
            i = (int) (System.nanoTime() % projects.size());
            next = STATUS[(Arrays.asList(STATUS).indexOf(statuses.get(i)) + 1) % 3];
            statuses.set(i, next);
        }
        return api.json("PUT", url + "/projects/" + projects.get(i) + "/progress", token, Map.of("status", next)).status();
    }

    int randomCommand(Api api, String token, Random r) throws Exception {
        int kind = r.nextInt(10);
        if (kind < 4) {
            return progress(api, token);
        }
        if (kind < 6) {
            String project;
            synchronized (this) {
                project = projects.get(r.nextInt(projects.size()));
            }
            return api.json("PUT", url + "/projects/" + project + "/governance", token, Map.of("measure",
                    1 + r.nextInt(4), "means", 1 + r.nextInt(4), "managementMode", "REGIE")).status();
        }
        if (kind < 8) {
            return api.json("PUT", url + "/actors/" + STATEMENTS[r.nextInt(3)], token,
                    Map.of("level", LEVELS[r.nextInt(4)])).status();
        }
        return declare(api, token);
    }
}

package io.barometer.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Stream;

/** What the launcher's tests of a whole installation share: fresh directories, free ports, an open campaign. */
final class Installations {

    private Installations() {
    }

    /** An empty directory under target/ (the previous run's, if any, deleted). */
    static Path fresh(String name) throws IOException {
        Path dir = Path.of("target", name).toAbsolutePath();
        if (Files.exists(dir)) {
            try (Stream<Path> files = Files.walk(dir)) {
                for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
                    Files.delete(p);
                }
            }
        }
        return dir;
    }

    static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    /** A campaign open for a year, one commune registered, and its response started: ready for answers. */
    static void openCampaign(Api api, String c, String admin, String campaignId, String title, String collectivite,
                             String name) throws IOException {
        Map<String, Object> campaign = new LinkedHashMap<>();
        campaign.put("campaign", campaignId);
        campaign.put("year", 2026);
        campaign.put("title", title);
        campaign.put("opensAt", "2026-01-01T00:00:00Z");
        campaign.put("closesAt", Instant.now().plus(Duration.ofDays(365)).toString());
        campaign.put("questionnaire", "bvn-2014");
        created(api.json("POST", c + "/api/campaigns", admin, campaign));
        Map<String, Object> city = new LinkedHashMap<>();
        city.put("collectivite", collectivite);
        city.put("name", name);
        city.put("kind", "COMMUNE");
        city.put("region", "Bretagne");
        city.put("population", 80_000);
        city.put("parentId", null);
        created(api.json("POST", c + "/api/collectivites", admin, city));
        created(api.json("PUT", c + "/api/campaigns/" + campaignId + "/responses/" + collectivite, admin, null));
    }

    static void created(Api.Reply reply) {
        assertThat(reply.status()).as(reply.body()).isBetween(200, 201);
    }
}

package io.barometer.launcher.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.UUID;

import io.barometer.launcher.Api;

/**
 * NDJSON import speed: a synthetic answer log (a campaign, then collectivités each registered, started and
 * declaring up to 40 projects) sent to {@code POST /api/import} in one request.
 */
final class ImportProbe {

    private final Product product;

    ImportProbe(Product product) {
        this.product = product;
    }

    /** About {@code lines} lines: a collectivité's registration and start go together. */
    Results.ImportSpeed measure(int lines) throws Exception {
        Path file = Files.createTempFile("bench-import", ".ndjson");
        StringBuilder b = new StringBuilder();
        b.append("{\"op\":\"openCampaign\",\"at\":\"2020-11-15T10:00:00Z\",\"by\":\"bench\",\"campaign\":\"bench-import\","
                + "\"year\":2021,\"title\":\"Import\",\"opensAt\":\"2020-12-01T00:00:00Z\",\"closesAt\":\"2021-03-15T23:59:59Z\","
                + "\"questionnaire\":\"bvn-2014\"}\n");
        int written = 1;
        int city = 0;
        while (written < lines) {
            String coll = "import-city-" + city++;
            b.append("{\"op\":\"registerCollectivite\",\"at\":\"2020-12-01T10:00:00Z\",\"by\":\"bench\",\"collectivite\":\"")
                    .append(coll).append("\",\"name\":\"").append(coll).append("\",\"kind\":\"COMMUNE\",\"region\":\"Bretagne\","
                            + "\"population\":60000,\"parentId\":null}\n");
            b.append("{\"op\":\"startResponse\",\"at\":\"2020-12-02T10:00:00Z\",\"by\":\"").append(coll)
                    .append(".dsi-1\",\"campaign\":\"bench-import\",\"collectivite\":\"").append(coll).append("\"}\n");
            written += 2;
            for (int p = 0; p < 40 && written < lines; p++, written++) {
                b.append("{\"op\":\"declareProject\",\"at\":\"2020-12-03T10:").append(String.format("%02d", p % 60))
                        .append(":00Z\",\"by\":\"").append(coll).append(".dsi-1\",\"campaign\":\"bench-import\",\"collectivite\":\"")
                        .append(coll).append("\",\"project\":\"").append(UUID.nameUUIDFromBytes((coll + p).getBytes()))
                        .append("\",\"domain\":\"transport_mobility\",\"label\":\"Projet ").append(p)
                        .append("\",\"status\":\"IN_PROGRESS\"}\n");
            }
        }
        Files.writeString(file, b);
        long t0 = System.nanoTime();
        Api.Reply r = product.api().importFile(product.commandUrl(), product.token(), file);
        double seconds = (System.nanoTime() - t0) / 1e9;
        Product.check(r, "import of the synthetic log");
        Files.delete(file);
        return new Results.ImportSpeed(written, Stats.round(seconds), Stats.round(written / seconds));
    }
}

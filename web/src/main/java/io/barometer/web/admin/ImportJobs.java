package io.barometer.web.admin;

import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.task.SimpleAsyncTaskExecutor;
import org.springframework.stereotype.Component;
import org.springframework.web.multipart.MultipartFile;

import com.fasterxml.jackson.databind.JsonNode;

import io.barometer.web.api.ApiProblem;
import io.barometer.web.api.Caller;
import io.barometer.web.api.ImportRefused;
import io.barometer.web.api.Services;
import io.barometer.web.api.SignedOut;

/**
 * Sends answer logs to command-service in the background, in batches of lines, so that a page can say how far
 * an import has got while it runs.
 *
 * <p>The measure is the lines command-service has answered for: it applies each request's lines in order and
 * answers only at its end, so a batch counts once the service has applied (or skipped) every line of it. Bytes
 * written to the connection would run ahead by whatever the sockets buffer (the whole of a small log), and the
 * service offers no progress route. Splitting changes nothing else: each line of the log is applied on its own,
 * with no state carried from one line to the next, and a refusal's line and counts are put back into the whole
 * log's numbering.
 *
 * <p>Jobs live in this web instance's memory for an hour after they end; behind several instances, a job's page
 * must reach the one that runs it.
 */
@Component
public class ImportJobs {

    private static final Logger LOG = LoggerFactory.getLogger(ImportJobs.class);
    /** About 3 % of the 2014 log a batch: steps a person sees move, and a round trip a batch is little beside 50 lines. */
    static final int BATCH_LINES = 50;
    /** So that a log of long lines still moves in steps, and no request nears the service's body limit. */
    static final int BATCH_CHARS = 1 << 20;
    private static final Duration KEPT = Duration.ofHours(1);

    private final Services services;
    private final Map<String, ImportJob> jobs = new ConcurrentHashMap<>();
    private final SimpleAsyncTaskExecutor senders = new SimpleAsyncTaskExecutor("import-");

    public ImportJobs(Services services) {
        this.services = services;
        // Two logs at once at most: each holds a command-service thread busy while it runs.
        senders.setConcurrencyLimit(2);
    }

    /**
     * Starts sending the uploaded log. It is copied first: the upload's own file is gone once the request that
     * brought it ends.
     */
    public ImportJob start(Caller caller, String startedBy, MultipartFile log) throws IOException {
        forgetOldJobs();
        Path copy = Files.createTempFile("barometer-import-", ".ndjson");
        try {
            log.transferTo(copy);
            ImportJob job = new ImportJob(UUID.randomUUID().toString(), log.getOriginalFilename(), startedBy,
                    countLines(copy));
            jobs.put(job.id(), job);
            senders.execute(() -> send(job, caller, copy));
            return job;
        } catch (IOException | RuntimeException e) {
            Files.deleteIfExists(copy);
            throw e;
        }
    }

    public Optional<ImportJob> find(String id) {
        return Optional.ofNullable(jobs.get(id));
    }

    private void send(ImportJob job, Caller caller, Path copy) {
        long before = 0;
        try (BufferedReader in = reader(copy)) {
            StringBuilder batch = new StringBuilder();
            int batchLines = 0;
            String line;
            while ((line = in.readLine()) != null) {
                batch.append(line).append('\n');
                batchLines++;
                if (batchLines == BATCH_LINES || batch.length() >= BATCH_CHARS) {
                    sendBatch(job, caller, batch, batchLines);
                    before += batchLines;
                    batch.setLength(0);
                    batchLines = 0;
                }
            }
            if (batchLines > 0) {
                sendBatch(job, caller, batch, batchLines);
            }
            job.done();
        } catch (ImportRefused refused) {
            job.refused(refused.after(before, job.applied(), job.unchanged()));
        } catch (SignedOut e) {
            job.failed("signed out");
        } catch (ApiProblem p) {
            if (p.status() >= 500) {
                LOG.warn("import {} failed after line {}", job.id(), before, p);
                job.failed(p.getMessage());
            } else {
                // Refused as a whole (a body the service would not read): no line to name.
                job.refused(new ImportRefused(p, 0).after(0, job.applied(), job.unchanged()));
            }
        } catch (IOException | RuntimeException e) {
            LOG.warn("import {} failed after line {}", job.id(), before, e);
            job.failed(e.getMessage());
        } finally {
            try {
                Files.deleteIfExists(copy);
            } catch (IOException e) {
                LOG.warn("could not delete {}", copy, e);
            }
        }
    }

    private void sendBatch(ImportJob job, Caller caller, StringBuilder batch, int lines) {
        JsonNode result = services.importLog(caller,
                new ByteArrayInputStream(batch.toString().getBytes(StandardCharsets.UTF_8)));
        job.answered(lines, result.path("applied").asLong(), result.path("unchanged").asLong());
    }

    /** Lines as command-service reads them (a reader that replaces malformed bytes, as its reader does). */
    private static BufferedReader reader(Path file) throws IOException {
        return new BufferedReader(new InputStreamReader(Files.newInputStream(file), StandardCharsets.UTF_8));
    }

    private static long countLines(Path file) throws IOException {
        long n = 0;
        try (BufferedReader in = reader(file)) {
            while (in.readLine() != null) {
                n++;
            }
        }
        return n;
    }

    private void forgetOldJobs() {
        Instant limit = Instant.now().minus(KEPT);
        jobs.values().removeIf(j -> j.endedAt() != null && j.endedAt().isBefore(limit));
    }
}

package io.barometer.web.admin;

import java.time.Instant;
import java.util.concurrent.atomic.AtomicLong;

import io.barometer.web.api.ImportRefused;

/**
 * One answer log on its way to command-service, as its page shows it: how many of its lines the service has
 * answered for so far (applied, or already there), then how it ended. Written by the thread that sends the log,
 * read by the page's requests.
 */
public final class ImportJob {

    public enum State { RUNNING, DONE, REFUSED, FAILED }

    private final String id;
    private final String file;
    private final String startedBy;
    private final long lines;
    private final AtomicLong answered = new AtomicLong();
    private final AtomicLong applied = new AtomicLong();
    private final AtomicLong unchanged = new AtomicLong();
    private volatile State state = State.RUNNING;
    private volatile ImportRefused refusal;
    private volatile String failure;
    private volatile Instant endedAt;

    ImportJob(String id, String file, String startedBy, long lines) {
        this.id = id;
        this.file = file;
        this.startedBy = startedBy;
        this.lines = lines;
    }

    /** A batch the service has applied: its lines are done, whatever each changed. */
    void answered(long batchLines, long batchApplied, long batchUnchanged) {
        applied.addAndGet(batchApplied);
        unchanged.addAndGet(batchUnchanged);
        answered.addAndGet(batchLines);
    }

    void done() {
        end(State.DONE);
    }

    void refused(ImportRefused refusal) {
        this.refusal = refusal;
        end(State.REFUSED);
    }

    void failed(String failure) {
        this.failure = failure;
        end(State.FAILED);
    }

    private void end(State state) {
        this.endedAt = Instant.now();
        this.state = state;
    }

    public String id() {
        return id;
    }

    public String file() {
        return file;
    }

    public String startedBy() {
        return startedBy;
    }

    /** The log's lines, blank ones included, as the service numbers them. */
    public long lines() {
        return lines;
    }

    public long answered() {
        return answered.get();
    }

    public long applied() {
        return applied.get();
    }

    public long unchanged() {
        return unchanged.get();
    }

    public State state() {
        return state;
    }

    public boolean running() {
        return state == State.RUNNING;
    }

    public ImportRefused refusal() {
        return refusal;
    }

    public String failure() {
        return failure;
    }

    /** When it ended, or null while it runs. */
    public Instant endedAt() {
        return endedAt;
    }
}

package io.barometer.launcher.bench;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

import io.barometer.launcher.Api;
import io.barometer.launcher.Stack;

/**
 * The running product as every probe reaches it: the stack, an admin's token, and the waits that keep one
 * step's leftover work (a catch-up, a vacuum, dirty pages) out of the next step's figures.
 */
record Product(Stack stack, Api api, String token) {

    /** Asked each time: query-service comes back on a new process after each stage's growth. */
    String queryUrl() {
        return stack.query().baseUrl();
    }

    String commandUrl() {
        return stack.command().baseUrl();
    }

    void awaitCaughtUp(Duration timeout) throws Exception {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            if (caughtUp()) {
                return;
            }
            TimeUnit.MILLISECONDS.sleep(100);
        }
        throw new IllegalStateException("projections did not catch up within " + timeout);
    }

    void awaitVacuumed(Duration timeout) throws Exception {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            Api.Reply r = api.get(queryUrl() + "/api/admin/replay", token);
            if (r.status() == 200) {
                if (!r.json().has("vacuumPending")) {
                    // An older query-service, or a renamed field: fail here rather than wait out the timeout.
                    throw new IllegalStateException("query-service's replay status has no vacuumPending: " + r.json());
                }
                if (!r.json().path("vacuumPending").asBoolean()) {
                    return;
                }
            }
            TimeUnit.MILLISECONDS.sleep(100);
        }
        Bench.say("The projection's vacuum did not finish within " + timeout + "; measuring the reads anyway");
    }

    /** Whether every processor has reached the head of the store, from query-service's replay status. */
    private boolean caughtUp() throws Exception {
        Api.Reply r = api.get(queryUrl() + "/api/admin/replay", token);
        if (r.status() != 200 || !r.json().path("caughtUp").asBoolean(false)) {
            return false;
        }
        for (var processor : r.json().path("processors")) {
            if (processor.path("replaying").asBoolean(false)) {
                return false;
            }
        }
        return true;
    }

    /** CHECKPOINT, which an external database's user may lack the right to (pg_checkpoint): then none. */
    void checkpoint() {
        try (Connection c = stack.database().connect()) {
            c.createStatement().execute("CHECKPOINT");
        } catch (SQLException e) {
            Bench.say("No checkpoint before the writes (" + e.getMessage() + ")");
        }
    }

    long eventCount() throws SQLException {
        try (Connection c = stack.database().connect();
             var rs = c.createStatement().executeQuery("SELECT count(*) FROM domain_event_entry")) {
            rs.next();
            return rs.getLong(1);
        }
    }

    static void check(Api.Reply r, String what) {
        if (r.status() >= 300) {
            throw new IllegalStateException(what + " failed: " + r.status() + " " + r.body());
        }
    }
}

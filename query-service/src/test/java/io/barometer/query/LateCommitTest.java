package io.barometer.query;

import static io.barometer.query.CutOffTest.campaign;
import static io.barometer.query.CutOffTest.days;
import static io.barometer.query.CutOffTest.project;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import io.barometer.query.replay.Projections;
import io.barometer.query.testing.AnswerLog;
import io.barometer.query.testing.ServicesTest;

/**
 * No event is skipped (issue 18, item 5): an append whose transaction is still open while later events are
 * committed and projected leaves a gap in the global index, and its event is projected whenever it commits —
 * here after more than Axon's gap timeout by Axon's own measure (the events around the gap are dated days back,
 * as every import of paper answers is) and after the reader's settlement check ran many times over it. A gap
 * whose transaction rolls back stops holding the views' position back once PostgreSQL shows it ended.
 */
class LateCommitTest extends ServicesTest {

    private static final Duration WAIT = Duration.ofSeconds(60);

    @Test
    void anAppendCommittedLongAfterLaterOnesIsProjectedAndARolledBackOneStopsCounting() throws Exception {
        String c = unique("late-commit"), vannes = unique("vannes"), lorient = unique("lorient");
        String first = project(), lorients = project();
        importLog(campaign(c, vannes, lorient)
                .start(c, vannes, days(-20)).declare(c, vannes, first, "education", "classroom_wifi", "DONE", days(-19))
                .start(c, lorient, days(-18)).ndjson());
        awaitProjections();

        String held = project();
        try (Connection writer = DriverManager.getConnection(SERVICES.databaseUrl, "postgres", "")) {
            writer.setAutoCommit(false);
            long gap = appendCopy(writer, first, held);

            // Another writer commits after it; the projection reads past the gap.
            long later = importLog(new AnswerLog()
                    .declare(c, lorient, lorients, "security", "city_video_surveillance", "STUDY", days(-4)).ndjson())
                    .json().get("position").asLong();
            assertThat(later).isGreaterThan(gap);
            await().atMost(WAIT).until(() -> synthesis(c, "asOf=closing").at("/projects/total").asInt() == 2);

            // Writes keep coming and being projected well past the reader's one-second grace; the gap stays open.
            long heldSince = System.nanoTime();
            String[] statuses = {"IN_PROGRESS", "DONE"};
            int[] writes = {0};
            await().atMost(WAIT).until(() -> {
                String status = statuses[writes[0]++ % 2];
                long position = importLog(new AnswerLog().progress(c, lorient, lorients, status, days(-3)).ndjson())
                        .json().get("position").asLong();
                awaitRead(position);
                return System.nanoTime() - heldSince > Duration.ofSeconds(3).toNanos();
            });
            JsonNode open = synthesis(c, "asOf=closing");
            assertThat(open.at("/projection/complete").asBoolean()).isFalse();
            assertThat(open.at("/projection/position").asLong()).isEqualTo(gap - 1);
            assertThat(open.at("/projection/head").asLong()).isGreaterThan(later);
            assertThat(open.get("fingerprint").asText()).startsWith("provisional:");
            assertThat(open.at("/projects/total").asInt()).isEqualTo(2);

            writer.commit();
            await().atMost(WAIT).until(() -> synthesis(c, "asOf=closing").at("/projection/complete").asBoolean());
            JsonNode committed = synthesis(c, "asOf=closing");
            assertThat(committed.at("/projects/total").asInt()).isEqualTo(3);
            assertThat(committed.get("fingerprint").asText()).startsWith("sha256:");
            assertThat(responseView(c, vannes, "asOf=closing").body()).contains(first, held);

            // The same, rolled back: the gap never fills, and the views become complete again without it.
            String abandoned = project();
            long rolledBack = appendCopy(writer, first, abandoned);
            long after = importLog(new AnswerLog().progress(c, lorient, lorients, "DONE", days(-2)).ndjson())
                    .json().get("position").asLong();
            awaitRead(after);
            assertThat(synthesis(c, "asOf=closing").at("/projection/position").asLong()).isEqualTo(rolledBack - 1);
            writer.rollback();
        }
        await().atMost(WAIT).until(() -> synthesis(c, "asOf=closing").at("/projection/complete").asBoolean());
        JsonNode after = synthesis(c, "asOf=closing");
        assertThat(after.at("/projection/position").asLong()).isEqualTo(after.at("/projection/head").asLong());
        assertThat(after.at("/projects/total").asInt()).isEqualTo(3);
    }

    /**
     * Within the writer's open transaction, a copy of a project's declaration under a new project id: another
     * ProjectDeclared in the same response, at its next sequence number. Returns its global index.
     */
    private static long appendCopy(Connection writer, String project, String newProject)
            throws SQLException {
        try (PreparedStatement insert = writer.prepareStatement("""
                INSERT INTO domain_event_entry (event_identifier, meta_data, payload, payload_revision, payload_type,
                                                time_stamp, aggregate_identifier, sequence_number, type)
                SELECT ?, meta_data, convert_to(replace(convert_from(payload, 'UTF8'), ?, ?), 'UTF8'), payload_revision,
                       payload_type, time_stamp, aggregate_identifier,
                       (SELECT max(sequence_number) + 1 FROM domain_event_entry d WHERE d.aggregate_identifier = e.aggregate_identifier),
                       type
                  FROM domain_event_entry e
                 WHERE payload_type LIKE '%ProjectDeclared' AND convert_from(payload, 'UTF8') LIKE ?
                RETURNING global_index""")) {
            insert.setString(1, UUID.randomUUID().toString());
            insert.setString(2, project);
            insert.setString(3, newProject);
            insert.setString(4, "%\"" + project + "\"%");
            try (ResultSet rs = insert.executeQuery()) {
                assertThat(rs.next()).as("the declaration of %s", project).isTrue();
                long index = rs.getLong(1);
                assertThat(rs.next()).isFalse();
                return index;
            }
        }
    }

    /** Waits until every processor has read the event at this position, whatever gap lies below it. */
    private static void awaitRead(long position) {
        Projections projections = SERVICES.query.getBean(Projections.class);
        await().atMost(WAIT).until(() -> projections.processors().values().stream()
                .allMatch(p -> Projections.position(p).orElse(0) >= position));
    }
}

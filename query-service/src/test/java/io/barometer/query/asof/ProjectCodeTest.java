package io.barometer.query.asof;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import io.barometer.events.CoordinationMode;
import io.barometer.events.DecisionMode;
import io.barometer.events.Governance;
import io.barometer.events.ManagementMode;
import io.barometer.events.ProgressStatus;
import io.barometer.query.testing.Services;

/**
 * The project_code column PostgreSQL computes (migration V21) and ProjectCode's reading of it agree for every
 * change and every value of every field, alone and all at once (so that no two fields share a bit). The rows
 * are written in a transaction that is rolled back: nothing stays in the shared database.
 */
class ProjectCodeTest {

    private static final String[] CHANGES = {"ProjectDeclared", "ProgressUpdated", "GovernanceScored", "ProjectWithdrawn"};
    private static final int[] CODES = {ProjectCode.DECLARED, ProjectCode.PROGRESS_UPDATED, ProjectCode.GOVERNANCE_SCORED,
            ProjectCode.WITHDRAWN};

    private record Fact(String change, ProgressStatus status, Governance governance) {
    }

    @Test
    void everyValueReadsBackAsWritten() {
        List<Fact> facts = new ArrayList<>();
        for (String change : CHANGES) {
            facts.add(new Fact(change, null, Governance.NONE));
        }
        for (ProgressStatus s : ProgressStatus.values()) {
            facts.add(new Fact("ProgressUpdated", s, Governance.NONE));
        }
        for (int level = 1; level <= 4; level++) {
            facts.add(new Fact("GovernanceScored", null, new Governance(level, null, null, null, null)));
            facts.add(new Fact("GovernanceScored", null, new Governance(null, level, null, null, null)));
        }
        for (ManagementMode m : ManagementMode.values()) {
            facts.add(new Fact("GovernanceScored", null, new Governance(null, null, m, null, null)));
        }
        for (DecisionMode d : DecisionMode.values()) {
            facts.add(new Fact("GovernanceScored", null, new Governance(null, null, null, d, null)));
        }
        for (CoordinationMode c : CoordinationMode.values()) {
            facts.add(new Fact("GovernanceScored", null, new Governance(null, null, null, null, c)));
        }
        facts.add(new Fact("ProjectWithdrawn", ProgressStatus.DONE, new Governance(4, 3, ManagementMode.OTHER,
                DecisionMode.OTHER, CoordinationMode.SEVERAL_PARTNERS)));
        facts.add(new Fact("ProjectDeclared", ProgressStatus.STUDY, new Governance(1, 2, ManagementMode.DSP,
                DecisionMode.UNILATERAL, CoordinationMode.SINGLE_INTERNAL_LEAD)));

        Services services = Services.get();
        JdbcTemplate jdbc = services.query.getBean(JdbcTemplate.class);
        TransactionTemplate tx = new TransactionTemplate(services.query.getBean(PlatformTransactionManager.class));
        tx.executeWithoutResult(status -> {
            status.setRollbackOnly();
            for (int i = 0; i < facts.size(); i++) {
                Fact f = facts.get(i);
                Governance g = f.governance();
                // Negative positions: the store never hands those out.
                jdbc.update("""
                        INSERT INTO answer_fact (global_index, campaign_id, collectivite_id, sequence_number, change,
                            attribute, effective_at, recorded_at, project_id, status, measure, means, management_mode,
                            decision_mode, coordination)
                        VALUES (?, 'project-code-test', 'c', ?, ?, 'project', now(), now(), ?, ?, ?, ?, ?, ?, ?)
                        """, -1_000_000L - i, i, f.change(), UUID.randomUUID(), name(f.status()), g.measure(), g.means(),
                        name(g.managementMode()), name(g.decisionMode()), name(g.coordination()));
                int code = jdbc.queryForObject("SELECT project_code FROM answer_fact WHERE global_index = ?",
                        Integer.class, -1_000_000L - i);
                String what = f + " as " + Integer.toBinaryString(code);
                assertThat(ProjectCode.change(code)).as(what).isEqualTo(CODES[List.of(CHANGES).indexOf(f.change())]);
                assertThat(ProjectCode.status(code)).as(what).isEqualTo(f.status());
                assertThat(ProjectCode.governance(code)).as(what).isEqualTo(g);
            }
        });
    }

    private static String name(Enum<?> value) {
        return value == null ? null : value.name();
    }
}

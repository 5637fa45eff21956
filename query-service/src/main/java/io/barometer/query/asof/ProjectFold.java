package io.barometer.query.asof;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;

import io.barometer.events.Governance;
import io.barometer.events.ProgressStatus;

/**
 * Folds a campaign's project facts, read newest first per project and grouped by respondent, into its live
 * projects: the first fact setting the status (a declaration or a progress update) gives the status, the first
 * setting the governance (a declaration or a scoring) the governance; a project counts if declared and not
 * withdrawn as of T. The first fact of all is the project's last change. With a {@link Tally}, it also counts
 * each respondent's facts.
 */
final class ProjectFold {

    /**
     * What the fold reads of each project fact, in the order {@link Rows} and {@link ProjectCopy} read it;
     * {@code %s} is where the closing instant goes.
     */
    static final String COLUMNS = "collectivite_id, project_id, sequence_number, global_index,"
            + " effective_at > %s AS after_closing, project_code, domain, catalogue_item";

    /** Receives, once per respondent, what a read of its facts counted. */
    interface Tally {
        void respondent(String collectiviteId, long changes, long afterClosing, long lastSequence, long through);
    }

    private final ProjectSink sink;
    private final Tally tally;
    /** Repeated values (domains, items) shared rather than one copy per project. */
    private final Map<String, String> strings = new HashMap<>();
    private String collectivite;
    /** Whether a project's facts are being folded ({@link #project} may be null: a campaign's scan has no ids). */
    private boolean inProject;
    private String project;
    private boolean declared;
    private boolean withdrawn;
    private boolean statusSet;
    private boolean governanceSet;
    private String domain;
    private String catalogueItem;
    private String label;
    private ProgressStatus status;
    private Governance governance;
    private Instant lastChangedAt;
    private long changes;
    private long afterClosing;
    private long lastSequence;
    private long through;

    ProjectFold(ProjectSink sink, Tally tally) {
        this.sink = sink;
        this.tally = tally;
    }

    /**
     * One fact. {@code newProject} says it is the first of its project (callers compare the raw ids, cheaper
     * than decoding them); {@code label} and {@code changedAt} only matter on the first fact of a project.
     */
    void fact(String collectiviteId, boolean newProject, String projectId, long sequence, long globalIndex,
              boolean afterClosingDeadline, int code, String domainKey, String item, String projectLabel,
              Instant changedAt) {
        if (!collectiviteId.equals(collectivite)) {
            finishProject();
            finishRespondent();
            collectivite = collectiviteId;
            startProject(projectId, changedAt);
        } else if (newProject) {
            finishProject();
            startProject(projectId, changedAt);
        }
        changes++;
        if (afterClosingDeadline) {
            afterClosing++;
        }
        lastSequence = Math.max(lastSequence, sequence);
        through = Math.max(through, globalIndex);
        switch (ProjectCode.change(code)) {
            case ProjectCode.DECLARED -> {
                declared = true;
                domain = shared(domainKey);
                catalogueItem = shared(item);
                label = projectLabel;
                setStatus(code);
                setGovernance(code);
            }
            case ProjectCode.PROGRESS_UPDATED -> setStatus(code);
            case ProjectCode.GOVERNANCE_SCORED -> setGovernance(code);
            default -> withdrawn = true;
        }
    }

    private void startProject(String projectId, Instant changedAt) {
        inProject = true;
        project = projectId;
        declared = withdrawn = statusSet = governanceSet = false;
        status = null;
        governance = null;
        label = null;
        lastChangedAt = changedAt;
    }

    private String shared(String value) {
        return value == null ? null : strings.computeIfAbsent(value, v -> v);
    }

    private void setStatus(int code) {
        if (!statusSet) {
            statusSet = true;
            status = ProjectCode.status(code);
        }
    }

    private void setGovernance(int code) {
        if (!governanceSet) {
            governanceSet = true;
            governance = ProjectCode.governance(code);
        }
    }

    /** Hands over the last project and respondent: called once every fact was read. */
    void finish() {
        finishProject();
        finishRespondent();
    }

    private void finishProject() {
        if (inProject && declared && !withdrawn) {
            sink.accept(collectivite, new AsOfState.Project(project, domain, catalogueItem, label, status,
                    governance == null ? Governance.NONE : governance, lastChangedAt));
        }
        inProject = false;
        project = null;
    }

    private void finishRespondent() {
        if (collectivite != null && tally != null) {
            tally.respondent(collectivite, changes, afterClosing, lastSequence, through);
        }
        collectivite = null;
        changes = afterClosing = lastSequence = through = 0;
    }

    /**
     * Reads the rows of {@link ProjectRows}' project query (with labels and instants: a response's view,
     * an export) by position, comparing each row's raw ids with the last row's and decoding them only when
     * they change.
     */
    static final class Rows {
        private static final int COLLECTIVITE = 1;
        private static final int PROJECT = 2;
        private static final int SEQUENCE = 3;
        private static final int GLOBAL_INDEX = 4;
        private static final int AFTER_CLOSING = 5;
        private static final int CODE = 6;
        private static final int DOMAIN = 7;
        private static final int ITEM = 8;
        private static final int LABEL = 9;
        private static final int EFFECTIVE_AT = 10;

        private final ProjectFold fold;
        private byte[] collectiviteBytes;
        private byte[] projectBytes;
        private String collectivite;

        Rows(ProjectFold fold) {
            this.fold = fold;
        }

        void row(ResultSet rs) throws SQLException {
            byte[] c = rs.getBytes(COLLECTIVITE);
            byte[] p = rs.getBytes(PROJECT);
            boolean newRespondent = !Arrays.equals(c, collectiviteBytes);
            if (newRespondent) {
                collectiviteBytes = c;
                collectivite = rs.getString(COLLECTIVITE);
            }
            boolean newProject = newRespondent || !Arrays.equals(p, projectBytes);
            projectBytes = p;
            int code = rs.getInt(CODE);
            if (rs.wasNull()) {
                throw new IllegalStateException("a project fact of " + collectivite + " has no project_code");
            }
            boolean declaration = ProjectCode.change(code) == ProjectCode.DECLARED;
            fold.fact(collectivite, newProject, newProject ? rs.getString(PROJECT) : null, rs.getLong(SEQUENCE),
                    rs.getLong(GLOBAL_INDEX), rs.getBoolean(AFTER_CLOSING), code,
                    declaration ? rs.getString(DOMAIN) : null, declaration ? rs.getString(ITEM) : null,
                    declaration ? rs.getString(LABEL) : null, newProject ? Timestamps.instant(rs, EFFECTIVE_AT) : null);
        }
    }
}

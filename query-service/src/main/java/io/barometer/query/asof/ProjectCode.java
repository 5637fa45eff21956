package io.barometer.query.asof;

import io.barometer.events.CoordinationMode;
import io.barometer.events.DecisionMode;
import io.barometer.events.Governance;
import io.barometer.events.ManagementMode;
import io.barometer.events.ProgressStatus;

/**
 * Reads answer_fact.project_code, which PostgreSQL computes for each project fact (migration V21): the change
 * in bits 0-1, then the status, measure, means, management mode, decision mode and coordination, each 0 when
 * not answered. The tables below list the values in the migration's order; ProjectCodeTest checks them
 * against the column for every value.
 */
final class ProjectCode {

    static final int DECLARED = 0;
    static final int PROGRESS_UPDATED = 1;
    static final int GOVERNANCE_SCORED = 2;
    static final int WITHDRAWN = 3;

    private static final ProgressStatus[] STATUS = {null, ProgressStatus.STUDY, ProgressStatus.IN_PROGRESS,
            ProgressStatus.DONE};
    private static final ManagementMode[] MANAGEMENT = {null, ManagementMode.DSP, ManagementMode.REGIE,
            ManagementMode.PPP, ManagementMode.MARCHE, ManagementMode.OTHER};
    private static final DecisionMode[] DECISION = {null, DecisionMode.UNILATERAL,
            DecisionMode.CITIZEN_PARTICIPATION, DecisionMode.MULTI_PARTNER, DecisionMode.OTHER};
    private static final CoordinationMode[] COORDINATION = {null, CoordinationMode.SINGLE_INTERNAL_LEAD,
            CoordinationMode.DEDICATED_TEAM, CoordinationMode.EXTERNAL_ACTOR, CoordinationMode.SEVERAL_PARTNERS};

    private static final int GOVERNANCE_SHIFT = 4;
    /**
     * One Governance per combination of answers (a few thousand at most), shared by every project having it:
     * a campaign's scan would otherwise make one per project. Racing threads may each build one; either is
     * right, a Governance being immutable.
     */
    private static final Governance[] GOVERNANCES = new Governance[1 << 15];

    private ProjectCode() {
    }

    static int change(int code) {
        return code & 3;
    }

    static ProgressStatus status(int code) {
        return STATUS[(code >>> 2) & 3];
    }

    static Governance governance(int code) {
        int bits = (code >>> GOVERNANCE_SHIFT) & 0x7FFF;
        Governance known = GOVERNANCES[bits];
        if (known == null) {
            Governance g = new Governance(level(bits & 7), level((bits >>> 3) & 7),
                    value(MANAGEMENT, (bits >>> 6) & 7), value(DECISION, (bits >>> 9) & 7),
                    value(COORDINATION, (bits >>> 12) & 7));
            known = g.isEmpty() ? Governance.NONE : g;
            GOVERNANCES[bits] = known;
        }
        return known;
    }

    private static Integer level(int value) {
        if (value > 4) {
            throw new IllegalStateException("project_code holds level " + value);
        }
        return value == 0 ? null : value;
    }

    private static <E> E value(E[] values, int index) {
        if (index >= values.length) {
            throw new IllegalStateException("project_code holds an unknown value " + index + " for "
                    + values[1].getClass().getSimpleName());
        }
        return values[index];
    }
}

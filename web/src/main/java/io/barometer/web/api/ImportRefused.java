package io.barometer.web.api;

/**
 * The import stopped at a line: the lines before it stand (how many were applied and how many were already
 * there), and sending the same file again resumes.
 */
public class ImportRefused extends ApiProblem {

    private final long line;
    private final long applied;
    private final long unchanged;

    public ImportRefused(ApiProblem problem, long line) {
        this(problem, line, 0, 0);
    }

    public ImportRefused(ApiProblem problem, long line, long applied, long unchanged) {
        super(problem.status(), problem.title(), problem.getMessage(), problem.errors());
        this.line = line;
        this.applied = applied;
        this.unchanged = unchanged;
    }

    /** The same refusal, its line and counts taken as part of a larger log that starts {@code lines} earlier. */
    public ImportRefused after(long lines, long appliedBefore, long unchangedBefore) {
        return new ImportRefused(this, lines + line, appliedBefore + applied, unchangedBefore + unchanged);
    }

    public long line() {
        return line;
    }

    public long applied() {
        return applied;
    }

    public long unchanged() {
        return unchanged;
    }
}

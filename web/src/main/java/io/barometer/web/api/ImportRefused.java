package io.barometer.web.api;

/** The import stopped at a line: the lines before it stand, and sending the same file again resumes. */
public class ImportRefused extends ApiProblem {

    private final long line;

    public ImportRefused(ApiProblem problem, long line) {
        super(problem.status(), problem.title(), problem.getMessage(), problem.errors());
        this.line = line;
    }

    public long line() {
        return line;
    }
}

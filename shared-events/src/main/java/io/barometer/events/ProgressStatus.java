package io.barometer.events;

/** Progress of a project; the score is what "average progress" averages. */
public enum ProgressStatus {
    STUDY(1), IN_PROGRESS(2), DONE(3);

    private final int score;

    ProgressStatus(int score) {
        this.score = score;
    }

    public int score() {
        return score;
    }
}

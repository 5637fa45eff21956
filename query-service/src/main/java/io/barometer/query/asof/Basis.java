package io.barometer.query.asof;

import java.util.Locale;
import java.util.Optional;

/** Which clock decides whether a fact counts as of an instant (DESIGN §5). */
public enum Basis {
    /** When the answer was given (metadata effectiveAt). */
    EFFECTIVE("effective_at"),
    /** When the system stored it (the event's own timestamp). */
    RECORDED("recorded_at");

    private final String column;

    Basis(String column) {
        this.column = column;
    }

    /** The answer_fact/collectivite_fact column of this clock; a constant, safe to put in SQL text. */
    public String column() {
        return column;
    }

    public String key() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<Basis> parse(String value) {
        for (Basis b : values()) {
            if (b.key().equals(value)) {
                return Optional.of(b);
            }
        }
        return Optional.empty();
    }
}

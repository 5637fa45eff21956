package io.barometer.command.attribution;

import java.util.Optional;
import java.util.function.Supplier;

/**
 * Holds the attribution of the command being sent on this thread, so that one dispatch interceptor
 * (not each handler) puts it on every command. Commands are handled on the sending thread.
 */
public final class AttributionContext {

    private static final ThreadLocal<Attribution> CURRENT = new ThreadLocal<>();

    private AttributionContext() {
    }

    public static <T> T callAs(Attribution attribution, Supplier<T> action) {
        Attribution previous = CURRENT.get();
        CURRENT.set(attribution);
        try {
            return action.get();
        } finally {
            if (previous == null) {
                CURRENT.remove();
            } else {
                CURRENT.set(previous);
            }
        }
    }

    public static Optional<Attribution> current() {
        return Optional.ofNullable(CURRENT.get());
    }
}

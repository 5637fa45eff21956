package io.barometer.command.attribution;

import org.slf4j.MDC;

/**
 * The id of the request being served, which the request filter puts in the logging context and every event
 * it leads to keeps in its metadata; none outside a request.
 */
public final class RequestIds {

    public static final String MDC_KEY = "requestId";

    private RequestIds() {
    }

    public static String current() {
        return MDC.get(MDC_KEY);
    }
}

package io.barometer.command.attribution;

import io.barometer.support.web.ApiException;
import jakarta.servlet.http.HttpServletRequest;

/**
 * What a write's headers say, for any handler that takes it as an argument ({@link WriteHeadersResolver}): the
 * version its If-Match expects, and who writes, when and on whose behalf (X-Effective-At, X-On-Behalf-Of,
 * X-Change-Reason). Each is read when the handler asks for it, so a bad header is refused in the order the
 * handler needs them, after its body.
 */
public final class WriteHeaders {

    public static final String IF_MATCH = "If-Match";

    private final HttpServletRequest request;
    private final RequestAttribution attribution;

    WriteHeaders(HttpServletRequest request, RequestAttribution attribution) {
        this.request = request;
        this.attribution = attribution;
    }

    /**
     * The version of the earlier ETag in If-Match, 0-based as Axon checks it against the aggregate; null without
     * one (or with {@code *}): the write applies to whatever version is current.
     */
    public Long expectedVersion() {
        String ifMatch = request.getHeader(IF_MATCH);
        if (ifMatch == null || ifMatch.equals("*")) {
            return null;
        }
        String value = ifMatch.startsWith("W/") ? ifMatch.substring(2) : ifMatch;
        value = value.replace("\"", "").trim();
        try {
            long version = Long.parseLong(value);
            if (version < 1) {
                throw new NumberFormatException();
            }
            return version - 1;
        } catch (NumberFormatException e) {
            throw ApiException.invalid(IF_MATCH, "must be the ETag of an earlier write, e.g. \"12\"");
        }
    }

    /** A write to one collectivité's response: its respondent, or an admin (possibly on its behalf). */
    public Attribution forAnswer(String collectivite) {
        return attribution.forAnswer(request, collectivite);
    }

    /** As above, with a reason given in the body (a withdrawal's), which then is the change's reason too. */
    public Attribution forAnswer(String collectivite, String bodyReason) {
        return attribution.forAnswer(request, collectivite, bodyReason);
    }

    /** An admin's write that is not an answer; {@code bodyReason} wins over the header. */
    public Attribution forAdmin(String bodyReason) {
        return attribution.forAdmin(request, bodyReason);
    }

    /** X-Change-Reason as the person wrote it, or null. */
    public String reason() {
        return RequestAttribution.reasonHeader(request);
    }
}

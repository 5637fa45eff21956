package io.barometer.command.attribution;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;

import org.springframework.stereotype.Component;

import io.barometer.events.MetadataKeys;
import io.barometer.support.security.CurrentUser;
import io.barometer.support.web.ApiException;
import jakarta.servlet.http.HttpServletRequest;

/**
 * Builds the attribution of an HTTP write from the caller's token and the X-Effective-At, X-On-Behalf-Of
 * and X-Change-Reason headers, refusing what the caller's role may not state.
 */
@Component
public class RequestAttribution {

    public static final String EFFECTIVE_AT = "X-Effective-At";
    public static final String ON_BEHALF_OF = "X-On-Behalf-Of";
    public static final String REASON = "X-Change-Reason";
    static final int MAX_REASON = 500;

    /** A write to one collectivité's response: its respondent, or an admin (possibly on its behalf). */
    public Attribution forAnswer(HttpServletRequest request, String collectivite) {
        return forAnswer(request, collectivite, null);
    }

    /** As above, with a reason given in the body (a withdrawal's), which then is the change's reason too. */
    public Attribution forAnswer(HttpServletRequest request, String collectivite, String bodyReason) {
        CurrentUser user = CurrentUser.get();
        if (!user.mayWriteFor(collectivite)) {
            throw ApiException.forbidden("You may only answer for your own collectivité");
        }
        return build(request, user, collectivite, bodyReason);
    }

    /** An admin's write that is not an answer (campaigns, collectivités); {@code bodyReason} wins over the header. */
    public Attribution forAdmin(HttpServletRequest request, String bodyReason) {
        return build(request, CurrentUser.get(), null, bodyReason);
    }

    private Attribution build(HttpServletRequest request, CurrentUser user, String collectivite, String bodyReason) {
        String effectiveHeader = request.getHeader(EFFECTIVE_AT);
        String onBehalfOf = request.getHeader(ON_BEHALF_OF);
        String reason = bodyReason != null ? bodyReason : reasonHeader(request);
        if (!user.isAdmin() && (effectiveHeader != null || onBehalfOf != null)) {
            throw ApiException.forbidden("Only an admin may send " + EFFECTIVE_AT + " or " + ON_BEHALF_OF);
        }
        Instant effectiveAt = effectiveHeader == null ? null : parseInstant(EFFECTIVE_AT, effectiveHeader);
        if (onBehalfOf != null) {
            if (collectivite == null || !collectivite.equals(onBehalfOf)) {
                throw ApiException.invalid(ON_BEHALF_OF, "must name the collectivité whose response is written");
            }
            if (reason == null || reason.isBlank()) {
                throw ApiException.invalid(REASON, "an entry on a respondent's behalf needs a reason");
            }
        }
        if (reason != null && reason.length() > MAX_REASON) {
            throw ApiException.invalid(bodyReason != null ? "reason" : REASON, "is longer than " + MAX_REASON + " characters");
        }
        return new Attribution(user.personId(), user.role().name(), onBehalfOf, MetadataKeys.SOURCE_API, null,
                RequestIds.current(), effectiveAt, reason == null || reason.isBlank() ? null : reason, null);
    }

    /**
     * X-Change-Reason as the person wrote it. Header bytes reach us as ISO-8859-1; clients such as curl send
     * a French reason ("reçu en février") as raw UTF-8, which is read back as UTF-8 when it is valid UTF-8.
     */
    public static String reasonHeader(HttpServletRequest request) {
        String value = request.getHeader(REASON);
        if (value == null || value.chars().allMatch(c -> c < 0x80)) {
            return value;
        }
        try {
            return StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(value.getBytes(StandardCharsets.ISO_8859_1)))
                    .toString();
        } catch (CharacterCodingException e) {
            return value;
        }
    }

    /**
     * An ISO-8601 instant with an offset, not in the future (an answer cannot be given later than it is stored),
     * kept to the millisecond like the events' own timestamps so that it can never pass the recorded instant.
     */
    public static Instant parseInstant(String field, String value) {
        Instant instant;
        try {
            instant = OffsetDateTime.parse(value).toInstant().truncatedTo(ChronoUnit.MILLIS);
        } catch (DateTimeParseException e) {
            throw ApiException.invalid(field, "must be an ISO-8601 instant with an offset, e.g. 2014-03-15T23:59:59+01:00");
        }
        if (instant.isAfter(Instant.now())) {
            throw ApiException.invalid(field, "cannot be in the future");
        }
        return instant;
    }
}

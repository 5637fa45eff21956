package io.barometer.query.asof;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.regex.Pattern;

import io.barometer.support.web.ApiException;

/**
 * The cut-off parameters every read endpoint takes (DESIGN §5), checked before anything is read so that
 * a bad value is a 400 naming its parameter.
 */
public final class ViewParameters {

    public static final String CLOSING = "closing";
    private static final Pattern SLUG = Pattern.compile("[a-z0-9][a-z0-9-]{0,99}");
    private static final int MAX_EXCLUDED = 1000;

    private ViewParameters() {
    }

    /** An asOf parameter: a fixed instant, the campaign's current closing, or now when absent. */
    public record AsOf(Instant instant, boolean closing) {

        public Instant resolve(AsOfCampaign campaign) {
            if (closing) {
                return campaign.closesAt();
            }
            return instant != null ? instant : Instant.now();
        }
    }

    public static AsOf asOf(String value) {
        if (value == null || value.isBlank()) {
            return new AsOf(null, false);
        }
        if (value.equals(CLOSING)) {
            return new AsOf(null, true);
        }
        try {
            return new AsOf(OffsetDateTime.parse(value).toInstant(), false);
        } catch (DateTimeParseException e) {
            throw ApiException.invalid("asOf", "must be an ISO-8601 instant with an offset "
                    + "(e.g. 2014-03-15T23:59:59+01:00) or 'closing'");
        }
    }

    public static Basis basis(String value) {
        if (value == null || value.isBlank()) {
            return Basis.EFFECTIVE;
        }
        return Basis.parse(value).orElseThrow(() -> ApiException.invalid("basis", "must be 'effective' or 'recorded'"));
    }

    /** A comma-separated list of collectivité ids; order and repeats do not matter. */
    public static Set<String> exclude(String value) {
        Set<String> ids = new LinkedHashSet<>();
        if (value == null || value.isBlank()) {
            return ids;
        }
        for (String id : Arrays.stream(value.split(",")).map(String::trim).filter(s -> !s.isEmpty()).sorted().toList()) {
            if (!SLUG.matcher(id).matches()) {
                throw ApiException.invalid("exclude", "'" + id + "' is not a collectivité id");
            }
            ids.add(id);
        }
        if (ids.size() > MAX_EXCLUDED) {
            throw ApiException.invalid("exclude", "names more than " + MAX_EXCLUDED + " collectivités");
        }
        return ids;
    }

    /** An optional id parameter (a campaign's, a collectivité's): null when absent or blank. */
    public static String slug(String field, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        if (!SLUG.matcher(value).matches()) {
            throw ApiException.invalid(field, "'" + value + "' is not an id");
        }
        return value;
    }

    /** A page number or size, refused by name when it is not a whole number within its bounds. */
    public static int wholeNumber(String field, String value, int min, int max) {
        try {
            int n = Integer.parseInt(value);
            if (n < min || n > max) {
                throw new NumberFormatException();
            }
            return n;
        } catch (NumberFormatException e) {
            throw ApiException.invalid(field, "must be a whole number from " + min + " to " + max);
        }
    }

    /** True when late respondents are left out as a class. */
    public static boolean excludeLate(String value) {
        if (value == null || value.isBlank() || value.equals("include")) {
            return false;
        }
        if (value.equals("exclude")) {
            return true;
        }
        throw ApiException.invalid("lateRespondents", "must be 'include' or 'exclude'");
    }
}

package io.barometer.events;

/** Keys of the metadata every event carries (DESIGN §4). */
public final class MetadataKeys {
    public static final String USER_ID = "userId";
    public static final String USER_ROLE = "userRole";
    public static final String ON_BEHALF_OF = "onBehalfOf";
    public static final String SOURCE = "source";
    public static final String IMPORTED_BY = "importedBy";
    public static final String REQUEST_ID = "requestId";
    /** ISO-8601 instant at which the answer was given; never later than the event's own timestamp. */
    public static final String EFFECTIVE_AT = "effectiveAt";
    public static final String REASON = "reason";
    /** Hash of an imported line, so that importing the same file twice changes nothing. */
    public static final String IMPORT_KEY = "importKey";

    public static final String SOURCE_API = "api";
    public static final String SOURCE_IMPORT = "import";

    private MetadataKeys() {
    }
}

package io.barometer.query.asof;

/**
 * What an answer fact sets. Response-level values are identified by (attribute, statement); a project's
 * attributes (declaration, status, governance, withdrawal) are told apart by the fact's change, since a
 * declaration sets its status and governance too.
 */
public final class Attribute {
    public static final String STARTED = "started";
    public static final String PROFILE = "profile";
    public static final String MOTIVATIONS = "motivations";
    public static final String ACTOR = "actor";
    public static final String SUBMISSION = "submission";
    public static final String PROJECT = "project";

    private Attribute() {
    }
}

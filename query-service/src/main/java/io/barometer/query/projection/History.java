package io.barometer.query.projection;

/**
 * The processing group of the append-only fact tables (campaign_fact, collectivite_fact, answer_fact).
 * One processor for the three: the store is read once instead of once per table (a processor that
 * handles a handful of campaign events still reads and skips every answer), and a view can never see an
 * answer whose campaign or collectivité facts are still behind in another processor.
 */
public final class History {

    public static final String GROUP = "history";

    private History() {
    }
}

package io.barometer.command.rules;

/** A command refused by a rule of the questionnaire or the response's state; names the field at fault. */
public class DomainException extends RuntimeException {

    public enum Kind { INVALID, CONFLICT, NOT_FOUND }

    private final Kind kind;
    private final String field;

    public DomainException(Kind kind, String field, String message) {
        super(message);
        this.kind = kind;
        this.field = field;
    }

    public static DomainException invalid(String field, String message) {
        return new DomainException(Kind.INVALID, field, message);
    }

    public static DomainException conflict(String field, String message) {
        return new DomainException(Kind.CONFLICT, field, message);
    }

    public static DomainException notFound(String field, String message) {
        return new DomainException(Kind.NOT_FOUND, field, message);
    }

    /**
     * What is missing, read from the id of an aggregate that was not found (see the ids of Campaign, Collectivite
     * and Response): a command that reached no aggregate names the field that should have named an existing one.
     */
    public static DomainException missing(String aggregateId) {
        if (aggregateId == null) {
            return notFound("id", "not found");
        }
        if (aggregateId.startsWith("campaign/")) {
            return notFound("campaign", "no campaign " + aggregateId.substring("campaign/".length()));
        }
        if (aggregateId.startsWith("collectivite/")) {
            return notFound("collectivite", "no collectivité " + aggregateId.substring("collectivite/".length()));
        }
        int colon = aggregateId.indexOf(':');
        String campaign = colon < 0 ? aggregateId : aggregateId.substring(0, colon);
        String collectivite = colon < 0 ? "" : aggregateId.substring(colon + 1);
        return notFound("collectivite", "collectivité " + collectivite + " has not started campaign " + campaign
                + "; start it with PUT /api/campaigns/" + campaign + "/responses/" + collectivite);
    }

    public Kind kind() {
        return kind;
    }

    public String field() {
        return field;
    }
}

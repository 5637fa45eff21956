package io.barometer.query.audit;

import java.util.List;

import io.barometer.query.completeness.Completeness;

/**
 * A page of the audit, newest first unless asked otherwise; {@code projection} says whether changes below the
 * store's head may still be missing from it.
 */
public record AuditPage(List<AuditRow> items, int page, int size, long total, Completeness projection) {

    AuditPage with(Completeness state) {
        return new AuditPage(items, page, size, total, state);
    }
}

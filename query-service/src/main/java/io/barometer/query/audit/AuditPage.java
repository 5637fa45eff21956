package io.barometer.query.audit;

import java.util.List;

/** A page of the audit, newest first unless asked otherwise. */
public record AuditPage(List<AuditRow> items, int page, int size, long total) {
}

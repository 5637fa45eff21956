package io.barometer.query.audit;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import io.barometer.query.asof.Basis;

/**
 * What an audit page asks for: every filter is optional; {@code users} are the person ids a change may be by
 * (null: anyone; empty: nobody); {@code from}/{@code to} bound the chosen clock (inclusive); {@code oldestFirst}
 * orders a response's history along its effective timeline instead of newest changes first.
 */
public record AuditQuery(String campaign, String collectivite, List<String> users, UUID project, Instant from,
                         Instant to, Basis clock, boolean oldestFirst, int page, int size) {
}

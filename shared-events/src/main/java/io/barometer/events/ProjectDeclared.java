package io.barometer.events;

import org.axonframework.serialization.Revision;

/** A project was declared; status may be null (not answered), governance is never null (maybe empty). */
@Revision("1")
public record ProjectDeclared(String responseId, String campaignId, String collectiviteId, String projectId, String domain, String catalogueItem, String label, ProgressStatus status, Governance governance) {
}

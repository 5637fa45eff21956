package io.barometer.web.questionnaire;

import io.barometer.web.api.Caller;
import io.barometer.web.api.Services;

/** The response a page writes to, and as whom. */
public record Target(Services services, Caller caller, String campaign, String collectivite) {
}

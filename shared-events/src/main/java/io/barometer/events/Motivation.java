package io.barometer.events;

/** The five reasons to invest in digital, ranked 1–5 by each respondent. */
public enum Motivation {
    SERVICE_QUALITY, ATTRACTIVENESS, SUSTAINABLE_DEVELOPMENT, EXEMPLARITY, BUDGET_EFFICIENCY
}

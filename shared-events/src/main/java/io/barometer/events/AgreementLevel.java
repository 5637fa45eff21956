package io.barometer.events;

/** The 4-level scale on which actor statements are rated, from least to most agreement. */
public enum AgreementLevel {
    STRONGLY_DISAGREE, DISAGREE, AGREE, STRONGLY_AGREE
}

package io.barometer.query.answerlog;

/** One row of the event table as the answer log needs it: its position, type, JSON payload and metadata, and timestamp. */
public record StoredEvent(long globalIndex, String payloadType, byte[] payload, byte[] metaData, String timestamp) {
}

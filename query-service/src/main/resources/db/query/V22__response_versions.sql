-- The version of each response the projection holds: its highest sequence number projected. A synthesis keeps
-- each respondent's projects folded from all its facts in memory (AsOfRepository), and learns from this table,
-- in one small read per campaign, which of them still hold: a response whose version moved has new facts.
CREATE TABLE response_version (
    campaign_id     VARCHAR(100) NOT NULL,
    collectivite_id VARCHAR(100) NOT NULL,
    version         BIGINT       NOT NULL,
    PRIMARY KEY (campaign_id, collectivite_id)
);

INSERT INTO response_version (campaign_id, collectivite_id, version)
SELECT campaign_id, collectivite_id, max(sequence_number) FROM answer_fact GROUP BY campaign_id, collectivite_id;

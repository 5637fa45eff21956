-- Each running query-service says here that it is alive, so that the instances can share the projection's
-- segments evenly (SegmentBalancer). A row is only ever upserted by its own instance; stale rows are ignored.
CREATE TABLE instance_heartbeat (
    instance VARCHAR(64) NOT NULL PRIMARY KEY,
    seen_at  TIMESTAMPTZ NOT NULL
);

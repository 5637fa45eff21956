-- query-service's own schema (Flyway runs with default schema "query"): the token store of its event
-- processors and the projections. The event table itself stays in public, owned by command-service.

CREATE TABLE token_entry (
    processor_name VARCHAR(255) NOT NULL,
    segment        INTEGER      NOT NULL,
    token          BYTEA,
    token_type     VARCHAR(255),
    timestamp      VARCHAR(255),
    owner          VARCHAR(255),
    PRIMARY KEY (processor_name, segment)
);

-- Campaign events, one row each. The current closesAt is the one of the highest sequence number: a moved
-- deadline applies retroactively, whatever the cut-off of a view.
CREATE TABLE campaign_fact (
    global_index     BIGINT       NOT NULL PRIMARY KEY,
    campaign_id      VARCHAR(100) NOT NULL,
    sequence_number  BIGINT       NOT NULL,
    change           VARCHAR(40)  NOT NULL,
    effective_at     TIMESTAMPTZ  NOT NULL,
    recorded_at      TIMESTAMPTZ  NOT NULL,
    year             INTEGER,
    title            VARCHAR(300),
    opens_at         TIMESTAMPTZ,
    closes_at        TIMESTAMPTZ  NOT NULL,
    questionnaire_id VARCHAR(100),
    user_id          VARCHAR(100),
    user_role        VARCHAR(20),
    source           VARCHAR(10),
    imported_by      VARCHAR(100),
    reason           VARCHAR(500),
    UNIQUE (campaign_id, sequence_number)
);

-- Collectivité events, one row each, carrying the whole profile after the event: the profile as of T is
-- the row with the latest clock <= T.
CREATE TABLE collectivite_fact (
    global_index    BIGINT       NOT NULL PRIMARY KEY,
    collectivite_id VARCHAR(100) NOT NULL,
    sequence_number BIGINT       NOT NULL,
    change          VARCHAR(40)  NOT NULL,
    effective_at    TIMESTAMPTZ  NOT NULL,
    recorded_at     TIMESTAMPTZ  NOT NULL,
    name            VARCHAR(200),
    kind            VARCHAR(40),
    region          VARCHAR(100),
    population      INTEGER,
    parent_id       VARCHAR(100),
    user_id         VARCHAR(100),
    user_role       VARCHAR(20),
    source          VARCHAR(10),
    imported_by     VARCHAR(100),
    reason          VARCHAR(500),
    UNIQUE (collectivite_id, sequence_number)
);
CREATE INDEX collectivite_fact_effective ON collectivite_fact (collectivite_id, effective_at DESC, sequence_number DESC);
CREATE INDEX collectivite_fact_recorded ON collectivite_fact (collectivite_id, recorded_at DESC, sequence_number DESC);

-- The answer history: one row per response event, append-only, both clocks and the event's positions.
-- Narrow typed columns, so that "the latest value at or before T" is an index scan, not a JSON parse.
-- attribute names what the event sets (started, profile, motivations, actor, submission, project);
-- statement is '' except for actor ratings, so that (attribute, statement) identifies a response-level value.
CREATE TABLE answer_fact (
    global_index     BIGINT       NOT NULL PRIMARY KEY,
    campaign_id      VARCHAR(100) NOT NULL,
    collectivite_id  VARCHAR(100) NOT NULL,
    sequence_number  BIGINT       NOT NULL,
    change           VARCHAR(40)  NOT NULL,
    attribute        VARCHAR(20)  NOT NULL,
    statement        VARCHAR(100) NOT NULL DEFAULT '',
    effective_at     TIMESTAMPTZ  NOT NULL,
    recorded_at      TIMESTAMPTZ  NOT NULL,
    project_id       UUID,
    domain           VARCHAR(60),
    catalogue_item   VARCHAR(120),
    label            VARCHAR(300),
    status           VARCHAR(20),
    measure          SMALLINT,
    means            SMALLINT,
    management_mode  VARCHAR(20),
    decision_mode    VARCHAR(30),
    coordination     VARCHAR(30),
    level            VARCHAR(20),
    role             VARCHAR(20),
    works_in_digital BOOLEAN,
    organisation     VARCHAR(500),
    ranking          VARCHAR(200),
    definitions      TEXT,
    submitted        BOOLEAN
);

-- Versions (highest sequence number per response) and the per-respondent change counts of a synthesis.
CREATE UNIQUE INDEX answer_fact_response_sequence ON answer_fact (campaign_id, collectivite_id, sequence_number)
    INCLUDE (effective_at, recorded_at, global_index);

-- Response-level values (start, profile, motivations, each actor statement, submission), one index per clock.
CREATE INDEX answer_fact_response_effective ON answer_fact
    (campaign_id, collectivite_id, attribute, statement, effective_at DESC, sequence_number DESC)
    WHERE project_id IS NULL;
CREATE INDEX answer_fact_response_recorded ON answer_fact
    (campaign_id, collectivite_id, attribute, statement, recorded_at DESC, sequence_number DESC)
    WHERE project_id IS NULL;

-- A project's attributes (declaration, status, governance, withdrawal): one ordered scan per campaign gives,
-- for each project, its facts newest first on the chosen clock; the first fact setting each attribute wins.
CREATE INDEX answer_fact_project_effective ON answer_fact
    (campaign_id, collectivite_id, project_id, effective_at DESC, sequence_number DESC)
    WHERE project_id IS NOT NULL;
CREATE INDEX answer_fact_project_recorded ON answer_fact
    (campaign_id, collectivite_id, project_id, recorded_at DESC, sequence_number DESC)
    WHERE project_id IS NOT NULL;

-- Who made each answer change, for the audit; kept apart so the answer history stays narrow.
CREATE TABLE answer_attribution (
    global_index BIGINT       NOT NULL PRIMARY KEY,
    user_id      VARCHAR(100),
    user_role    VARCHAR(20),
    on_behalf_of VARCHAR(100),
    source       VARCHAR(10),
    imported_by  VARCHAR(100),
    request_id   VARCHAR(100),
    reason       VARCHAR(500)
);

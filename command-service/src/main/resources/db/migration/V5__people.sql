-- People (issue 23): events name a person only by an opaque id; the names live here alone, so that erasing a
-- person clears one row while every event, figure and fingerprint stays as it was.

-- Events written before this change carry usernames in their metadata, and events are never rewritten: such a
-- store is refused rather than half converted. The product had no production data then (README, "Personal data").
DO $$
BEGIN
    IF EXISTS (SELECT 1 FROM domain_event_entry) THEN
        RAISE EXCEPTION USING MESSAGE = 'This event store was written before people got ids (issue 23): its events '
            || 'name people by username and events are never rewritten. Start on an empty database and import '
            || 'the answer logs again (README, "Personal data").';
    END IF;
END
$$;

CREATE TABLE person (
    id              UUID         NOT NULL PRIMARY KEY,
    -- The sign-in handle of an account, or the "by" of imported lines; unique so that the import finds the person.
    username        VARCHAR(100) UNIQUE,
    display_name    VARCHAR(200),
    email           VARCHAR(320),
    collectivite_id VARCHAR(100),
    created_at      TIMESTAMPTZ  NOT NULL DEFAULT now(),
    created_by      UUID,
    -- The erasure is recorded by who and why, never by the erased name.
    erased_at       TIMESTAMPTZ,
    erased_by       UUID,
    erasure_reason  VARCHAR(500),
    CHECK (erased_at IS NULL OR (username IS NULL AND display_name IS NULL AND email IS NULL))
);
CREATE INDEX person_by_collectivite ON person (collectivite_id);

-- Accounts already created (the first admin, say) become people.
INSERT INTO person (id, username, display_name, collectivite_id, created_at)
SELECT gen_random_uuid(), username, display_name, collectivite_id, created_at FROM account;

ALTER TABLE account ADD COLUMN person_id UUID;
UPDATE account a SET person_id = p.id FROM person p WHERE p.username = a.username;
ALTER TABLE account ADD COLUMN created_by_person UUID;
UPDATE account a SET created_by_person = p.id FROM person p WHERE p.username = a.created_by;
ALTER TABLE account DROP CONSTRAINT account_pkey;
ALTER TABLE account DROP COLUMN username, DROP COLUMN display_name, DROP COLUMN created_by;
ALTER TABLE account RENAME COLUMN created_by_person TO created_by;
ALTER TABLE account ALTER COLUMN person_id SET NOT NULL;
ALTER TABLE account ADD PRIMARY KEY (person_id);
-- An erased person's account is closed: it never signs in nor is enabled again.
ALTER TABLE account ADD COLUMN closed_at TIMESTAMPTZ;

ALTER TABLE account_change ADD COLUMN person_id UUID, ADD COLUMN changed_by_person UUID;
UPDATE account_change c SET person_id = p.id FROM person p WHERE p.username = c.username;
UPDATE account_change c SET changed_by_person = p.id FROM person p WHERE p.username = c.changed_by;
DELETE FROM account_change WHERE person_id IS NULL OR changed_by_person IS NULL;
ALTER TABLE account_change DROP COLUMN username, DROP COLUMN changed_by;
ALTER TABLE account_change RENAME COLUMN changed_by_person TO changed_by;
ALTER TABLE account_change ALTER COLUMN person_id SET NOT NULL, ALTER COLUMN changed_by SET NOT NULL;
ALTER TABLE account_change DROP CONSTRAINT account_change_change_check;
ALTER TABLE account_change ADD CHECK (change IN ('DISABLED', 'ENABLED', 'PASSWORD_CHANGED', 'CLOSED'));

-- Failed sign-ins are counted per typed username, known or not: kept as its SHA-256 so that no handle is stored.
DELETE FROM sign_in_failure;
DROP INDEX sign_in_failure_by_username;
ALTER TABLE sign_in_failure RENAME COLUMN username TO username_hash;
ALTER TABLE sign_in_failure ALTER COLUMN username_hash TYPE CHAR(64);
CREATE INDEX sign_in_failure_by_username ON sign_in_failure (username_hash, failed_at);

-- Who ran an import: a person id, like the events' importedBy.
DELETE FROM import_line;
ALTER TABLE import_line ALTER COLUMN imported_by TYPE UUID USING imported_by::uuid;

-- An account's life cycle (DESIGN §11). A disabled account cannot sign in, and both services refuse its tokens.
ALTER TABLE account ADD COLUMN enabled BOOLEAN NOT NULL DEFAULT true;
-- Raised when an account is disabled or its password changes: a token carries the generation it was issued
-- under, and one issued under an older generation is refused, whatever its expiry.
ALTER TABLE account ADD COLUMN token_generation INTEGER NOT NULL DEFAULT 0;

-- Who disabled, enabled or changed the password of an account, when and why. No foreign key: a restore
-- (launcher's Restore) copies tables back in any order.
CREATE TABLE account_change (
    id         BIGSERIAL    PRIMARY KEY,
    username   VARCHAR(100) NOT NULL,
    change     VARCHAR(20)  NOT NULL CHECK (change IN ('DISABLED', 'ENABLED', 'PASSWORD_CHANGED')),
    changed_by VARCHAR(100) NOT NULL,
    reason     VARCHAR(500),
    changed_at TIMESTAMPTZ  NOT NULL DEFAULT now()
);

-- Failed sign-ins per username, known or not, so that every instance counts the same ones.
CREATE TABLE sign_in_failure (
    username  VARCHAR(100) NOT NULL,
    failed_at TIMESTAMPTZ  NOT NULL DEFAULT now()
);
CREATE INDEX sign_in_failure_by_username ON sign_in_failure (username, failed_at);

-- Accounts of the people who use the API. Passwords are BCrypt hashes, never stored in clear.
CREATE TABLE account (
    username        VARCHAR(100) NOT NULL PRIMARY KEY,
    password_hash   VARCHAR(100) NOT NULL,
    role            VARCHAR(20)  NOT NULL CHECK (role IN ('RESPONDENT', 'ANALYST', 'ADMIN')),
    collectivite_id VARCHAR(100),
    display_name    VARCHAR(200),
    created_at      TIMESTAMPTZ  NOT NULL DEFAULT now(),
    created_by      VARCHAR(100),
    CHECK ((role = 'RESPONDENT') = (collectivite_id IS NOT NULL))
);

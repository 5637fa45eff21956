-- The lines of answer logs already applied, by the SHA-256 of their content. A line that changed nothing
-- when first imported leaves no event, so no aggregate can remember its key; without this table a second
-- run would apply it against a later state (a repeated status, then a newer one, would come back).
CREATE TABLE import_line (
    import_key  CHAR(64)     NOT NULL PRIMARY KEY,
    changed     BOOLEAN      NOT NULL,
    imported_by VARCHAR(100) NOT NULL,
    imported_at TIMESTAMPTZ  NOT NULL DEFAULT now()
);

-- The whole-campaign project scan (the largest read of all: every project fact of a campaign) reads only the
-- project indexes when they carry what the fold needs: leaf pages in key order instead of one heap visit per
-- fact in an order unrelated to the heap's. On a million-event campaign that was most of a synthesis.
-- An index-only scan needs the heap pages marked all-visible, which the projection has vacuumed once it
-- pauses (FactStatistics); rows not yet vacuumed are read from the heap as before, so nothing depends on it.

-- What a project fact changes, in one integer: the fold then reads one value instead of seven text and
-- number columns (PostgreSQL spent more formatting them than finding them; the service, decoding them).
-- Bits 0-1 the change, 2-3 the status, 4-6 measure, 7-9 means, 10-12 management mode, 13-15 decision mode,
-- 16-18 coordination; 0 is "not answered", the others follow the order of the Java enums (ProjectCode reads
-- them; ProjectCodeTest checks every value both ways). A value this does not know makes the whole code NULL,
-- which the fold refuses: a new enum value needs a migration that redefines the column.
ALTER TABLE answer_fact ADD COLUMN project_code INTEGER GENERATED ALWAYS AS (
    CASE WHEN project_id IS NOT NULL THEN
        CASE change WHEN 'ProjectDeclared' THEN 0 WHEN 'ProgressUpdated' THEN 1
                    WHEN 'GovernanceScored' THEN 2 WHEN 'ProjectWithdrawn' THEN 3 END
        | (CASE WHEN status IS NULL THEN 0 WHEN status = 'STUDY' THEN 1 WHEN status = 'IN_PROGRESS' THEN 2
                WHEN status = 'DONE' THEN 3 END << 2)
        | (CASE WHEN measure IS NULL THEN 0 WHEN measure BETWEEN 1 AND 4 THEN measure END << 4)
        | (CASE WHEN means IS NULL THEN 0 WHEN means BETWEEN 1 AND 4 THEN means END << 7)
        | (CASE WHEN management_mode IS NULL THEN 0 WHEN management_mode = 'DSP' THEN 1
                WHEN management_mode = 'REGIE' THEN 2 WHEN management_mode = 'PPP' THEN 3
                WHEN management_mode = 'MARCHE' THEN 4 WHEN management_mode = 'OTHER' THEN 5 END << 10)
        | (CASE WHEN decision_mode IS NULL THEN 0 WHEN decision_mode = 'UNILATERAL' THEN 1
                WHEN decision_mode = 'CITIZEN_PARTICIPATION' THEN 2 WHEN decision_mode = 'MULTI_PARTNER' THEN 3
                WHEN decision_mode = 'OTHER' THEN 4 END << 13)
        | (CASE WHEN coordination IS NULL THEN 0 WHEN coordination = 'SINGLE_INTERNAL_LEAD' THEN 1
                WHEN coordination = 'DEDICATED_TEAM' THEN 2 WHEN coordination = 'EXTERNAL_ACTOR' THEN 3
                WHEN coordination = 'SEVERAL_PARTNERS' THEN 4 END << 16)
    END) STORED;

-- global_index, sequence_number and effective_at also give each respondent's change counts in the same scan.
DROP INDEX answer_fact_project_effective;
DROP INDEX answer_fact_project_recorded;
CREATE INDEX answer_fact_project_effective ON answer_fact
    (campaign_id, collectivite_id, project_id, effective_at DESC, sequence_number DESC)
    INCLUDE (project_code, domain, catalogue_item, global_index)
    WHERE project_id IS NOT NULL;
CREATE INDEX answer_fact_project_recorded ON answer_fact
    (campaign_id, collectivite_id, project_id, recorded_at DESC, sequence_number DESC)
    INCLUDE (project_code, domain, catalogue_item, global_index, effective_at)
    WHERE project_id IS NOT NULL;

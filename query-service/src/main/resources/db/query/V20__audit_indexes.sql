-- The audit's filters beyond campaign and collectivité (which answer_fact's own indexes serve, as they do
-- the look-up of the value that stood before each change): by user and by project. A range of either
-- clock is applied within those; a time index over every fact would slow every projected event.
CREATE INDEX answer_attribution_user ON answer_attribution (user_id, global_index);
CREATE INDEX answer_fact_project ON answer_fact (project_id, recorded_at) WHERE project_id IS NOT NULL;
CREATE INDEX collectivite_fact_recorded_all ON collectivite_fact (recorded_at DESC, global_index DESC);

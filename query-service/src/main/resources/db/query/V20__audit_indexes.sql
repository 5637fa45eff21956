-- The audit filters answer changes by user, project and either clock, newest first; these indexes keep
-- those filters fast on a large history (the campaign/collectivité filters use answer_fact's own).
CREATE INDEX answer_attribution_user ON answer_attribution (user_id, global_index);
CREATE INDEX answer_fact_project ON answer_fact (project_id, recorded_at) WHERE project_id IS NOT NULL;
CREATE INDEX answer_fact_recorded ON answer_fact (recorded_at DESC, global_index DESC);
CREATE INDEX answer_fact_effective ON answer_fact (effective_at DESC, global_index DESC);
CREATE INDEX answer_fact_campaign_recorded ON answer_fact (campaign_id, collectivite_id, recorded_at DESC, global_index DESC);
-- The value that stood before a change: the previous fact of the same attribute on the effective clock.
CREATE INDEX answer_fact_previous ON answer_fact
    (campaign_id, collectivite_id, attribute, statement, project_id, effective_at DESC, sequence_number DESC);
CREATE INDEX collectivite_fact_recorded_all ON collectivite_fact (recorded_at DESC, global_index DESC);

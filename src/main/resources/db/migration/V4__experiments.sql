-- Experiments run on the evaluation engine: a run is an evaluation (its arms are strategies) or an experiment (its arms
-- are cells), and a stored case is a trial, unique per run, arm, case and repeat. Plain SQL for H2 and PostgreSQL.
ALTER TABLE evaluation ADD COLUMN kind VARCHAR(16) DEFAULT 'evaluation' NOT NULL;
ALTER TABLE evaluation ADD COLUMN cue_cache_hits BIGINT DEFAULT 0 NOT NULL;
ALTER TABLE evaluation ADD COLUMN cue_cache_misses BIGINT DEFAULT 0 NOT NULL;
CREATE INDEX evaluation_kind ON evaluation (kind, created_at);

ALTER TABLE evaluation_case ADD COLUMN repeat_index INTEGER DEFAULT 0 NOT NULL;
ALTER TABLE evaluation_case ADD COLUMN cache_hit BOOLEAN DEFAULT FALSE NOT NULL;
ALTER TABLE evaluation_case ADD COLUMN variant_sha256 VARCHAR(64);
ALTER TABLE evaluation_case DROP CONSTRAINT evaluation_case_once;
ALTER TABLE evaluation_case ADD CONSTRAINT evaluation_case_once UNIQUE (evaluation_id, strategy, case_key, repeat_index);
CREATE INDEX evaluation_case_by_case ON evaluation_case (evaluation_id, case_key);

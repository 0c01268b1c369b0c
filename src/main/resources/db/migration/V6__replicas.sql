-- Replicas that share the database and split the work through a broker. A run is enqueued once: the replica that
-- claims it (owner, lease) enqueues the trials that have no row and records when it is done; a claim whose lease ran
-- out (its replica died) is taken over. Every trial row names the replica that produced it. Plain SQL for H2 and
-- PostgreSQL.
ALTER TABLE evaluation ADD COLUMN dispatched_at TIMESTAMP WITH TIME ZONE;
ALTER TABLE evaluation ADD COLUMN dispatch_owner VARCHAR(128);
ALTER TABLE evaluation ADD COLUMN dispatch_until TIMESTAMP WITH TIME ZONE;
ALTER TABLE evaluation_case ADD COLUMN replica VARCHAR(128);
-- A job runs on the replica that received its upload (its media stays there); when that replica is gone, the job is
-- failed as interrupted by the others.
ALTER TABLE analysis_job ADD COLUMN replica VARCHAR(128);

-- One row per time a run's items were enqueued: by whom, how many.
CREATE TABLE run_dispatch (
    id         VARCHAR(36)              NOT NULL PRIMARY KEY,
    run_id     VARCHAR(36)              NOT NULL REFERENCES evaluation (id) ON DELETE CASCADE,
    replica    VARCHAR(128)             NOT NULL,
    items      INTEGER                  NOT NULL,
    created_at TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE INDEX run_dispatch_run ON run_dispatch (run_id);

package io.affectra.job;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Job rows: each state change in its own short transaction. */
@ApplicationScoped
public class JobStore {

    @Transactional
    public JobRecord create(String id, String mediaType, String replica) {
        JobRecord r = new JobRecord();
        r.id = id;
        r.replica = replica;
        r.status = JobStatus.QUEUED.name();
        r.createdAt = Instant.now();
        r.updatedAt = r.createdAt;
        r.mediaType = mediaType;
        r.stage = "queued";
        r.persist();
        return r;
    }

    @Transactional
    public void running(String id) {
        update(id, r -> {
            r.status = JobStatus.RUNNING.name();
            r.stage = "starting";
        });
    }

    @Transactional
    public void progress(String id, String stage, double progress, Long etaMs, int windowsDone) {
        update(id, r -> {
            r.stage = stage;
            r.progress = progress;
            r.etaMs = etaMs;
            r.windowsDone = windowsDone;
        });
    }

    @Transactional
    public void completed(String id, String analysisId) {
        update(id, r -> {
            r.status = JobStatus.COMPLETED.name();
            r.stage = "done";
            r.progress = 1.0;
            r.etaMs = 0L;
            r.analysisId = analysisId;
        });
    }

    @Transactional
    public void failed(String id, String type, String detail) {
        update(id, r -> {
            r.status = JobStatus.FAILED.name();
            r.errorType = type;
            r.errorDetail = detail == null ? null : detail.substring(0, Math.min(2000, detail.length()));
        });
    }

    /**
     * Jobs left queued or running by a process that is gone: they can no longer finish (their media went with it).
     *
     * @param replica the replica whose jobs they are, or null for every job (one process, no replicas)
     */
    @Transactional
    public List<String> failInterrupted(String replica) {
        List<JobRecord> stale = replica == null ? JobRecord.list("status in ?1", List.of(JobStatus.QUEUED.name(), JobStatus.RUNNING.name()))
                : JobRecord.list("status in ?1 and replica = ?2", List.of(JobStatus.QUEUED.name(), JobStatus.RUNNING.name()), replica);
        for (JobRecord r : stale) {
            r.status = JobStatus.FAILED.name();
            r.errorType = "interrupted";
            r.errorDetail = "The server running the job stopped before it finished; its media is not kept, so submit it again.";
            r.updatedAt = Instant.now();
        }
        return stale.stream().map(r -> r.id).toList();
    }

    /** The replicas that have jobs queued or running. */
    @Transactional
    public List<String> replicasWithUnfinishedJobs() {
        return JobRecord.getEntityManager().createQuery("select distinct j.replica from JobRecord j where j.status in :open and j.replica is not null",
                String.class).setParameter("open", List.of(JobStatus.QUEUED.name(), JobStatus.RUNNING.name())).getResultList();
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Optional<JobRecord> find(String id) {
        return JobRecord.findByIdOptional(id);
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public long countQueued() {
        return JobRecord.count("status", JobStatus.QUEUED.name());
    }

    private static void update(String id, java.util.function.Consumer<JobRecord> change) {
        JobRecord r = JobRecord.findById(id);
        if (r != null) {
            change.accept(r);
            r.updatedAt = Instant.now();
        }
    }
}

package io.affectra.eval;

import io.affectra.eval.metrics.CaseResult;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * Runs and their case results in the database. A case is written once, in its own transaction, when it is done: what
 * is in the table is finished, whatever happened to the process afterwards.
 */
@ApplicationScoped
public class EvaluationStore {

    @Transactional
    public void create(EvaluationRecord record) {
        record.persist();
    }

    @Transactional
    public Optional<EvaluationRecord> find(String id) {
        return EvaluationRecord.findByIdOptional(id);
    }

    /** The run with this id if it is of this kind ({@code evaluation}, {@code experiment}). */
    @Transactional
    public Optional<EvaluationRecord> find(String id, String kind) {
        return EvaluationRecord.<EvaluationRecord>findByIdOptional(id).filter(r -> r.kind.equals(kind));
    }

    /** A run's status alone (its record also holds the whole dataset). */
    @Transactional
    public Optional<EvaluationStatus> status(String id) {
        return EvaluationRecord.getEntityManager().createQuery("select e.status from EvaluationRecord e where e.id = :id", String.class)
                .setParameter("id", id).getResultStream().findFirst().map(EvaluationStatus::of);
    }

    /** Runs of one kind, newest first. */
    @Transactional
    public List<EvaluationRecord> list(String kind, int limit) {
        return EvaluationRecord.<EvaluationRecord>find("kind", Sort.descending("createdAt"), kind).page(0, limit).list();
    }

    @Transactional
    public List<String> running() {
        return EvaluationRecord.<EvaluationRecord>list("status", EvaluationStatus.RUNNING.id()).stream().map(r -> r.id).toList();
    }

    /** How {@link #doneKeys} names a finished trial. */
    public static String doneKey(String arm, String caseKey, int repeat) {
        return arm + "\n" + caseKey + "\n" + repeat;
    }

    /** Keys of finished trials, as {@link #doneKey} makes them. */
    @Transactional
    public Set<String> doneKeys(String evaluationId) {
        List<Object[]> rows = CaseRecord.getEntityManager()
                .createQuery("select c.strategy, c.caseKey, c.repeatIndex from CaseRecord c where c.evaluationId = :id", Object[].class)
                .setParameter("id", evaluationId).getResultList();
        Set<String> out = new HashSet<>();
        rows.forEach(r -> out.add(doneKey((String) r[0], (String) r[1], ((Number) r[2]).intValue())));
        return out;
    }

    /** Finished cases of a run, per strategy, in dataset order. */
    @Transactional
    public Map<String, List<CaseResult>> results(String evaluationId) {
        Map<String, List<CaseResult>> out = new LinkedHashMap<>();
        CaseRecord.<CaseRecord>list("evaluationId", Sort.ascending("strategy", "repeatIndex", "seq"), evaluationId)
                .forEach(c -> out.computeIfAbsent(c.strategy, k -> new java.util.ArrayList<>()).add(c.toResult()));
        return out;
    }

    @Transactional
    public List<CaseResult> page(String evaluationId, String strategy, int offset, int limit) {
        String query = strategy == null ? "evaluationId = ?1" : "evaluationId = ?1 and strategy = ?2";
        Object[] params = strategy == null ? new Object[] {evaluationId} : new Object[] {evaluationId, strategy};
        return CaseRecord.<CaseRecord>find(query, Sort.ascending("strategy", "repeatIndex", "seq"), params).range(offset, offset + limit - 1).list()
                .stream().map(CaseRecord::toResult).toList();
    }

    /**
     * One arm's trials after a (repeat, seq) position, in that order. Paging by position rather than by offset stays
     * right while a run is still writing: a trial stored meanwhile never shifts a page.
     */
    @Transactional
    public List<CaseResult> after(String evaluationId, String strategy, int repeat, int seq, int limit) {
        return CaseRecord.<CaseRecord>find("evaluationId = ?1 and strategy = ?2 and (repeatIndex > ?3 or (repeatIndex = ?3 and seq > ?4))",
                Sort.ascending("repeatIndex", "seq"), evaluationId, strategy, repeat, seq).page(0, limit).list().stream().map(CaseRecord::toResult)
                .toList();
    }

    @Transactional
    public long countCases(String evaluationId) {
        return CaseRecord.count("evaluationId", evaluationId);
    }

    /** How many rows a trial has (0 or 1: the unique key guarantees it). */
    @Transactional
    public long countCase(String evaluationId, String strategy, String key, int repeat) {
        return CaseRecord.count("evaluationId = ?1 and strategy = ?2 and caseKey = ?3 and repeatIndex = ?4", evaluationId, strategy, key, repeat);
    }

    /** Every trial of one case, by arm and repeat. */
    @Transactional
    public List<CaseResult> caseTrials(String evaluationId, String caseKey) {
        return CaseRecord.<CaseRecord>list("evaluationId = ?1 and caseKey = ?2", Sort.ascending("strategy", "repeatIndex"), evaluationId, caseKey)
                .stream().map(CaseRecord::toResult).toList();
    }

    /** Adds one execution's cue-cache counts to the run's. */
    @Transactional
    public void addCueCache(String id, long hits, long misses) {
        EvaluationRecord r = EvaluationRecord.findById(id);
        r.cueCacheHits += hits;
        r.cueCacheMisses += misses;
    }

    /**
     * Writes a finished case.
     *
     * @throws RuntimeException when the case is already there (the unique key refuses a second row)
     */
    @Transactional
    public void saveCase(String evaluationId, CaseResult r, String replica) {
        CaseRecord c = new CaseRecord();
        c.id = UUID.randomUUID().toString();
        c.evaluationId = evaluationId;
        c.strategy = r.strategy();
        c.caseKey = r.key();
        c.seq = r.seq();
        c.itemId = r.itemId();
        c.role = r.role();
        c.category = r.category();
        c.subcategory = r.subcategory();
        c.expected = r.expected();
        c.answer = r.answer();
        c.correct = r.correct();
        c.error = r.error() == null ? null : shorten(r.error(), 2000);
        c.clueOverlap = r.clueOverlap();
        c.labelOverlap = r.labelOverlap();
        c.rawReply = r.rawReply();
        c.calls = r.calls();
        c.promptTokens = r.promptTokens();
        c.completionTokens = r.completionTokens();
        c.latencyMs = r.latencyMs();
        c.detailJson = r.detail();
        c.repeatIndex = r.trial().repeat();
        c.cacheHit = r.trial().cacheHit();
        c.variantSha256 = r.trial().variantSha256();
        c.replica = replica;
        c.createdAt = Instant.now();
        c.persist();
        c.flush();
    }

    @Transactional
    public void finish(String id, EvaluationStatus status, String error, String metricsJson) {
        EvaluationRecord r = EvaluationRecord.findById(id);
        r.status = status.id();
        r.error = error == null ? null : shorten(error, 2000);
        r.metricsJson = metricsJson;
        r.updatedAt = Instant.now();
        r.completedAt = status == EvaluationStatus.RUNNING ? null : r.updatedAt;
    }

    /** Back to running for a resume; failed cases are removed so that they are tried again. */
    @Transactional
    public long reopen(String id) {
        EvaluationRecord r = EvaluationRecord.findById(id);
        r.status = EvaluationStatus.RUNNING.id();
        r.error = null;
        r.completedAt = null;
        r.metricsJson = null;
        r.updatedAt = Instant.now();
        r.dispatchedAt = null;
        r.dispatchOwner = null;
        r.dispatchUntil = null;
        return CaseRecord.delete("evaluationId = ?1 and error is not null", id);
    }

    /**
     * Ends a run that is still running, with its status and metrics; false when it had ended meanwhile (another
     * replica completed it, or it was cancelled): one replica ends a run.
     */
    @Transactional
    public boolean finishIfRunning(String id, EvaluationStatus status, String error, String metricsJson) {
        Instant now = Instant.now();
        return EvaluationRecord.getEntityManager().createQuery("update EvaluationRecord e set e.status = :status, e.error = :error,"
                + " e.metricsJson = :metrics, e.updatedAt = :now, e.completedAt = :now where e.id = :id and e.status = :running")
                .setParameter("status", status.id()).setParameter("error", error == null ? null : shorten(error, 2000))
                .setParameter("metrics", metricsJson).setParameter("now", now).setParameter("id", id)
                .setParameter("running", EvaluationStatus.RUNNING.id()).executeUpdate() == 1;
    }

    /** How many trials a run has stored, per arm, and how many of them failed or had no readable answer. */
    public record Counts(Map<String, Integer> byArm, int done, int errors, int unparseable) {
    }

    @Transactional
    public Counts counts(String evaluationId) {
        List<Object[]> rows = CaseRecord.getEntityManager().createQuery("select c.strategy, count(c),"
                + " sum(case when c.error is not null then 1 else 0 end), sum(case when c.error is null and c.answer is null then 1 else 0 end)"
                + " from CaseRecord c where c.evaluationId = :id group by c.strategy", Object[].class).setParameter("id", evaluationId).getResultList();
        Map<String, Integer> byArm = new LinkedHashMap<>();
        int done = 0;
        int errors = 0;
        int unparseable = 0;
        for (Object[] r : rows) {
            int n = ((Number) r[1]).intValue();
            byArm.put((String) r[0], n);
            done += n;
            errors += r[2] == null ? 0 : ((Number) r[2]).intValue();
            unparseable += r[3] == null ? 0 : ((Number) r[3]).intValue();
        }
        return new Counts(byArm, done, errors, unparseable);
    }

    /**
     * Claims the enqueueing of a running run's items for {@code replica} until {@code until}: true for one replica at a
     * time (the update is atomic), and again for a claim whose lease ran out or that is this replica's own.
     */
    @Transactional
    public boolean claimDispatch(String id, String replica, Instant now, Instant until) {
        return EvaluationRecord.getEntityManager().createQuery("update EvaluationRecord e set e.dispatchOwner = :me, e.dispatchUntil = :until"
                + " where e.id = :id and e.status = :running and e.dispatchedAt is null"
                + " and (e.dispatchUntil is null or e.dispatchUntil < :now or e.dispatchOwner = :me)")
                .setParameter("me", replica).setParameter("until", until).setParameter("id", id).setParameter("now", now)
                .setParameter("running", EvaluationStatus.RUNNING.id()).executeUpdate() == 1;
    }

    /** Records that {@code replica} enqueued {@code items} items of the run, all it had left. */
    @Transactional
    public void dispatched(String id, String replica, int items) {
        Instant now = Instant.now();
        EvaluationRecord r = EvaluationRecord.findById(id);
        r.dispatchedAt = now;
        r.dispatchUntil = null;
        EvaluationRecord.getEntityManager().createNativeQuery("insert into run_dispatch (id, run_id, replica, items, created_at) values (?1, ?2, ?3, ?4, ?5)")
                .setParameter(1, UUID.randomUUID().toString()).setParameter(2, id).setParameter(3, replica).setParameter(4, items)
                .setParameter(5, now).executeUpdate();
    }

    /** Running runs whose items are not all on the work queue yet. */
    @Transactional
    public List<String> undispatched() {
        return EvaluationRecord.<EvaluationRecord>list("status = ?1 and dispatchedAt is null", EvaluationStatus.RUNNING.id()).stream().map(r -> r.id)
                .toList();
    }

    private static String shorten(String s, int max) {
        return s.length() <= max ? s : s.substring(0, max - 3) + "...";
    }
}

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

    @Transactional
    public List<EvaluationRecord> list(int limit) {
        return EvaluationRecord.<EvaluationRecord>findAll(Sort.descending("createdAt")).page(0, limit).list();
    }

    @Transactional
    public List<String> running() {
        return EvaluationRecord.<EvaluationRecord>list("status", EvaluationStatus.RUNNING.id()).stream().map(r -> r.id).toList();
    }

    /** Keys of finished cases as {@code strategy + '\n' + case key}. */
    @Transactional
    public Set<String> doneKeys(String evaluationId) {
        List<Object[]> rows = CaseRecord.getEntityManager()
                .createQuery("select c.strategy, c.caseKey from CaseRecord c where c.evaluationId = :id", Object[].class)
                .setParameter("id", evaluationId).getResultList();
        Set<String> out = new HashSet<>();
        rows.forEach(r -> out.add(r[0] + "\n" + r[1]));
        return out;
    }

    /** Finished cases of a run, per strategy, in dataset order. */
    @Transactional
    public Map<String, List<CaseResult>> results(String evaluationId) {
        Map<String, List<CaseResult>> out = new LinkedHashMap<>();
        CaseRecord.<CaseRecord>list("evaluationId", Sort.ascending("strategy", "seq"), evaluationId)
                .forEach(c -> out.computeIfAbsent(c.strategy, k -> new java.util.ArrayList<>()).add(c.toResult()));
        return out;
    }

    @Transactional
    public List<CaseResult> page(String evaluationId, String strategy, int offset, int limit) {
        String query = strategy == null ? "evaluationId = ?1" : "evaluationId = ?1 and strategy = ?2";
        Object[] params = strategy == null ? new Object[] {evaluationId} : new Object[] {evaluationId, strategy};
        return CaseRecord.<CaseRecord>find(query, Sort.ascending("strategy", "seq"), params).range(offset, offset + limit - 1).list()
                .stream().map(CaseRecord::toResult).toList();
    }

    @Transactional
    public long countCases(String evaluationId) {
        return CaseRecord.count("evaluationId", evaluationId);
    }

    /** How many rows a case has (0 or 1: the unique key guarantees it). */
    @Transactional
    public long countCase(String evaluationId, String strategy, String key) {
        return CaseRecord.count("evaluationId = ?1 and strategy = ?2 and caseKey = ?3", evaluationId, strategy, key);
    }

    /**
     * Writes a finished case.
     *
     * @throws RuntimeException when the case is already there (the unique key refuses a second row)
     */
    @Transactional
    public void saveCase(String evaluationId, CaseResult r) {
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
        return CaseRecord.delete("evaluationId = ?1 and error is not null", id);
    }

    private static String shorten(String s, int max) {
        return s.length() <= max ? s : s.substring(0, max - 3) + "...";
    }
}

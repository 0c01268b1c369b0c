package io.affectra.eval;

import io.affectra.eval.metrics.CaseResult;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/**
 * One trial: a case's result under one arm (a strategy of an evaluation, a cell of an experiment, stored in
 * {@code strategy}) and repeat; unique per (run, arm, case key, repeat).
 */
@Entity
@Table(name = "evaluation_case")
public class CaseRecord extends PanacheEntityBase {

    @Id
    public String id;

    @Column(name = "evaluation_id", nullable = false)
    public String evaluationId;

    @Column(nullable = false)
    public String strategy;

    @Column(name = "case_key", nullable = false)
    public String caseKey;

    public int seq;

    @Column(name = "item_id", nullable = false)
    public String itemId;

    public String role;

    public String category;

    public String subcategory;

    public String expected;

    public String answer;

    public boolean correct;

    public String error;

    @Column(name = "clue_overlap")
    public Integer clueOverlap;

    @Column(name = "label_overlap")
    public Integer labelOverlap;

    @Column(name = "raw_reply", columnDefinition = "text")
    public String rawReply;

    public int calls;

    @Column(name = "prompt_tokens")
    public int promptTokens;

    @Column(name = "completion_tokens")
    public int completionTokens;

    @Column(name = "latency_ms")
    public long latencyMs;

    @Column(name = "detail_json", columnDefinition = "text")
    public String detailJson;

    @Column(name = "repeat_index", nullable = false)
    public int repeatIndex;

    @Column(name = "cache_hit", nullable = false)
    public boolean cacheHit;

    @Column(name = "variant_sha256")
    public String variantSha256;

    /** The replica that produced it. */
    public String replica;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    CaseResult toResult() {
        return new CaseResult(strategy, caseKey, seq, itemId, role, category, subcategory, expected, answer, correct, error, clueOverlap,
                labelOverlap, rawReply, calls, promptTokens, completionTokens, latencyMs, detailJson,
                new CaseResult.Trial(repeatIndex, cacheHit, variantSha256));
    }
}

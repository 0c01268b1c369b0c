package io.affectra.eval;

import io.affectra.eval.metrics.CaseResult;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** One case's result under one strategy; unique per (evaluation, strategy, case key). */
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

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    CaseResult toResult() {
        return new CaseResult(strategy, caseKey, seq, itemId, role, category, subcategory, expected, answer, correct, error, clueOverlap,
                labelOverlap, rawReply, calls, promptTokens, completionTokens, latencyMs, detailJson);
    }
}

package io.affectra.experiment;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import io.affectra.eval.metrics.CaseResult;
import java.util.List;
import java.util.Map;

/**
 * One trial as the CSV and JSONL exports write it: the cell it ran in, the case, the repeat and its outcome. The CSV
 * has the columns of {@link #COLUMNS}; the JSONL line adds the raw reply and the detail.
 *
 * @param variantSha256 the hash the trial recorded, else its cell's (null: the shipped templates)
 * @param ablation      null when nothing is ablated
 */
@JsonPropertyOrder({"experimentId", "cellId", "cellLabel", "variant", "variantSha256", "backend", "model", "strategy", "params", "ablation",
        "caseKey", "itemId", "category", "repeat", "expected", "answer", "correct", "error", "latencyMs", "promptTokens", "completionTokens",
        "cacheHit"})
public record TrialRow(String experimentId, String cellId, String cellLabel, String variant, String variantSha256, String backend, String model,
        String strategy, Map<String, Object> params, String ablation, String caseKey, String itemId, String category, int repeat, String expected,
        String answer, boolean correct, String error, long latencyMs, int promptTokens, int completionTokens, boolean cacheHit) {

    /** The CSV header, in column order. */
    public static final List<String> COLUMNS = List.of(TrialRow.class.getAnnotation(JsonPropertyOrder.class).value());

    public static TrialRow of(String experimentId, Cell cell, CaseResult t) {
        String sha = t.trial().variantSha256() != null ? t.trial().variantSha256() : cell.variant().sha256();
        return new TrialRow(experimentId, cell.id(), cell.label(), cell.variant().name(), sha, cell.backend(), cell.model(), cell.strategy(),
                cell.sampling().asMap(), cell.ablation().isNone() ? null : cell.ablation().name(), t.key(), t.itemId(), t.category(),
                t.trial().repeat(), t.expected(), t.answer(), t.correct(), t.error(), t.latencyMs(), t.promptTokens(), t.completionTokens(),
                t.trial().cacheHit());
    }
}

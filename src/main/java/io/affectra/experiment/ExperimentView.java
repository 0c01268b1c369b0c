package io.affectra.experiment;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.affectra.eval.Progress;
import io.affectra.eval.metrics.DatasetFormat;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * An experiment as {@code GET /v1/experiments/{id}} shows it: where it is, each cell's metrics (named as the evaluation
 * runner names them) with latency, tokens, errors and cache hits, each cell against the baseline, and the gates.
 *
 * @param gatesPassed null while the experiment has no gates
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ExperimentView(String id, String name, String status, DatasetFormat format, DatasetInfo dataset, String baseline, int repeats,
        Progress progress, CueCache cueCache, List<CellView> cells, List<ComparisonView> comparisons, List<GateResult> gates, Boolean gatesPassed,
        List<String> warnings, Instant createdAt, Instant completedAt, String error) {

    public record DatasetInfo(String name, int items, int cases, String sha256) {
    }

    /** How often a trial's evidence was already read ({@code hits}) and how often the encoders ran ({@code misses}). */
    public record CueCache(long hits, long misses) {
    }

    public record Variant(String name, String sha256) {
    }

    public record Latency(Long p50, Long p95) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record CellView(String id, String label, Variant variant, String backend, String model, String strategy, Map<String, Object> params,
            String ablation, Object metrics, int trials, int errors, int unparseable, Latency latencyMs, long promptTokens, long completionTokens,
            int cacheHits, double cacheHitRate) {
    }

    /**
     * One metric of a cell against the baseline on the cases both have.
     *
     * @param ci         the paired bootstrap interval of {@code difference} (95%)
     * @param pValue     the exact McNemar p for a right/wrong metric with one repeat, else null
     * @param pValueHolm {@code pValue} Holm-corrected across the cells
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record MetricDifference(int cases, double baseline, double cell, double difference, double[] ci, Double pValue, Double pValueHolm,
            List<String> rightToWrong, List<String> wrongToRight) {
    }

    public record ComparisonView(String cell, String baseline, int cases, Map<String, MetricDifference> metrics) {
    }

    /** @param failures one line per cell or comparison that does not meet it */
    public record GateResult(String gate, boolean passed, List<String> failures) {
    }
}

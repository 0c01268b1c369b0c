package io.affectra.eval;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.affectra.eval.metrics.Comparison;
import io.affectra.eval.metrics.DatasetFormat;
import java.time.Instant;
import java.util.List;

/**
 * A run as {@code GET /v1/evaluations/{id}} shows it.
 *
 * @param metrics    with one strategy, that strategy's metrics (e.g. {@code basicAccuracy}, ...); with several, an object
 *                   of strategy id to metrics
 * @param comparison every later strategy against the first: paired differences with bootstrap intervals
 * @param partial    true while the run is not completed: the metrics cover the cases finished so far
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record EvaluationView(
        String id,
        String name,
        EvaluationStatus status,
        DatasetFormat format,
        DatasetInfo dataset,
        String backend,
        List<String> strategies,
        EvaluationOptions options,
        Instant createdAt,
        Instant completedAt,
        Progress progress,
        Object metrics,
        List<Comparison> comparison,
        boolean partial,
        String error) {

    /** @param items lines of the dataset; cases its questions (a pair has two); sha256 of its JSONL text */
    public record DatasetInfo(String name, int items, int cases, String sha256) {
    }
}

package io.affectra.eval;

import io.affectra.eval.metrics.DatasetFormat;
import java.util.List;

/**
 * The {@code options} part of {@code POST /v1/evaluations}. Every field is optional except the format of an uploaded
 * dataset.
 *
 * @param format       {@code pair}, {@code choice}, {@code label} or {@code open}
 * @param dataset      a built-in dataset under {@code reasoning/benchmarks/} instead of an upload, e.g.
 *                     {@code knowledge-pairs}
 * @param backend      the backend every strategy asks (default: affectra.default-backend)
 * @param strategy     one strategy (default {@code direct})
 * @param strategies   several strategies run on the same cases and compared (overrides {@code strategy}); the first is
 *                     the baseline of the comparison
 * @param concurrency  cases in flight (default affectra.eval.default-concurrency); the backend's own limits apply too
 * @param labels       label set for label/open datasets (default: the canonical seven if they cover the gold labels, else
 *                     the gold labels)
 * @param judgeBackend open datasets: the backend that judges (default: the run's backend)
 * @param mediaDir     where relative media paths of an uploaded dataset resolve (inside affectra.eval.media-root;
 *                     default: the media root)
 * @param limit        run only the first N items
 * @param explain      store every step of every case (prompts and replies), not only the final reply
 * @param name         a name for the run (default: the dataset's)
 */
public record EvaluationOptions(
        DatasetFormat format,
        String dataset,
        String backend,
        String strategy,
        List<String> strategies,
        Integer concurrency,
        List<String> labels,
        String judgeBackend,
        String mediaDir,
        Integer limit,
        Boolean explain,
        String name) {

    public List<String> strategyIds() {
        if (strategies != null && !strategies.isEmpty()) {
            return List.copyOf(strategies);
        }
        return List.of(strategy == null || strategy.isBlank() ? "direct" : strategy);
    }

    public boolean explainSteps() {
        return Boolean.TRUE.equals(explain);
    }
}

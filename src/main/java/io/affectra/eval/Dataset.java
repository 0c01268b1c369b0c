package io.affectra.eval;

import io.affectra.eval.metrics.DatasetFormat;
import java.util.List;

/**
 * A parsed dataset.
 *
 * @param items  lines (pairs count once)
 * @param labels for label/open datasets, the gold labels in the order first seen; else empty
 */
public record Dataset(DatasetFormat format, List<EvalCase> cases, int items, List<String> labels) {

    public Dataset {
        cases = List.copyOf(cases);
        labels = List.copyOf(labels);
    }

    /** The first {@code n} items (both cases of a pair stay together). */
    public Dataset limit(int n) {
        if (n <= 0 || n >= items) {
            return this;
        }
        List<String> keep = cases.stream().map(EvalCase::itemId).distinct().limit(n).toList();
        return new Dataset(format, cases.stream().filter(c -> keep.contains(c.itemId())).toList(), n, labels);
    }
}

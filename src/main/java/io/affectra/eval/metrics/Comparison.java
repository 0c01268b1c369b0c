package io.affectra.eval.metrics;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Strategies compared on the same items: for each metric, the paired difference (strategy minus baseline, over the
 * items both answered) and a percentile bootstrap confidence interval from resampling items with replacement
 * ({@link PairedBootstrap}, seeded, so the same results give the same interval). Units are items: a pair for the pair
 * format (its two questions stay together), a case otherwise ({@link CaseScores}).
 *
 * @param baseline the first strategy of the run; every other one is compared with it
 */
public record Comparison(String baseline, String strategy, int units, int samples, long seed, double confidence, Map<String, Difference> metrics) {

    /** One metric's paired difference. */
    public record Difference(double baseline, double strategy, double difference, double ciLow, double ciHigh) {
    }

    public static Comparison of(DatasetFormat format, String baseline, List<CaseResult> base, String strategy, List<CaseResult> other,
            int samples, long seed, double confidence) {
        CaseScores a = CaseScores.of(format, base);
        CaseScores b = CaseScores.of(format, other);
        List<String> shared = a.sharedWith(b);
        Map<String, Difference> out = new LinkedHashMap<>();
        for (CaseScores.Metric metric : a.metrics()) {
            CaseScores.Paired paired = metric.pairedWith(b.metric(metric.name()), shared);
            if (!paired.cases().isEmpty()) {
                out.put(metric.name(), PairedBootstrap.difference(paired.baseline(), paired.other(), samples, seed, confidence));
            }
        }
        return new Comparison(baseline, strategy, shared.size(), samples, seed, confidence, out);
    }
}

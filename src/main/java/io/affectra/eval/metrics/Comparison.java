package io.affectra.eval.metrics;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.function.ToDoubleFunction;

/**
 * Strategies compared on the same items: for each metric, the paired difference (strategy minus baseline, over the
 * items both answered) and a percentile bootstrap confidence interval from resampling items with replacement.
 * The resampling is seeded, so the same results give the same interval. Units are items: a pair for the pair format
 * (its two questions stay together), a case otherwise.
 *
 * @param baseline the first strategy of the run; every other one is compared with it
 */
public record Comparison(String baseline, String strategy, int units, int samples, long seed, double confidence, Map<String, Difference> metrics) {

    /** One metric's paired difference. */
    public record Difference(double baseline, double strategy, double difference, double ciLow, double ciHigh) {
    }

    private record Metric(String name, ToDoubleFunction<CaseResult[]> score) {
    }

    public static Comparison of(DatasetFormat format, String baseline, List<CaseResult> base, String strategy, List<CaseResult> other,
            int samples, long seed, double confidence) {
        Map<String, CaseResult[]> a = units(format, base);
        Map<String, CaseResult[]> b = units(format, other);
        List<String> shared = a.keySet().stream().filter(b::containsKey).toList();
        Map<String, Difference> out = new LinkedHashMap<>();
        for (Metric metric : metrics(format)) {
            double[] sa = new double[shared.size()];
            double[] sb = new double[shared.size()];
            int m = 0;
            for (String key : shared) {
                double x = metric.score().applyAsDouble(a.get(key));
                double y = metric.score().applyAsDouble(b.get(key));
                if (Double.isNaN(x) || Double.isNaN(y)) {
                    continue;
                }
                sa[m] = x;
                sb[m] = y;
                m++;
            }
            if (m == 0) {
                continue;
            }
            out.put(metric.name(), difference(Arrays.copyOf(sa, m), Arrays.copyOf(sb, m), samples, seed, confidence));
        }
        return new Comparison(baseline, strategy, shared.size(), samples, seed, confidence, out);
    }

    static Difference difference(double[] a, double[] b, int samples, long seed, double confidence) {
        int n = a.length;
        double[] d = new double[n];
        for (int i = 0; i < n; i++) {
            d[i] = b[i] - a[i];
        }
        double[] boot = new double[samples];
        SplittableRandom random = new SplittableRandom(seed);
        for (int s = 0; s < samples; s++) {
            double sum = 0;
            for (int i = 0; i < n; i++) {
                sum += d[random.nextInt(n)];
            }
            boot[s] = sum / n;
        }
        Arrays.sort(boot);
        double alpha = (1 - confidence) / 2;
        return new Difference(Ratio.round(mean(a)), Ratio.round(mean(b)), Ratio.round(mean(d)),
                Ratio.round(percentile(boot, alpha)), Ratio.round(percentile(boot, 1 - alpha)));
    }

    /** Linear interpolation between order statistics (the usual "type 7" percentile). */
    static double percentile(double[] sorted, double q) {
        if (sorted.length == 0) {
            return Double.NaN;
        }
        double pos = q * (sorted.length - 1);
        int lo = (int) Math.floor(pos);
        int hi = Math.min(lo + 1, sorted.length - 1);
        return sorted[lo] + (pos - lo) * (sorted[hi] - sorted[lo]);
    }

    private static double mean(double[] v) {
        return v.length == 0 ? Double.NaN : Arrays.stream(v).sum() / v.length;
    }

    private static Map<String, CaseResult[]> units(DatasetFormat format, List<CaseResult> results) {
        Map<String, CaseResult[]> out = new LinkedHashMap<>();
        if (format == DatasetFormat.PAIR) {
            PairMetrics.pairs(results).forEach(p -> out.put(p.itemId(), new CaseResult[] {p.basic(), p.hallucination()}));
        } else {
            results.stream().sorted(java.util.Comparator.comparingInt(CaseResult::seq)).forEach(r -> out.put(r.key(), new CaseResult[] {r}));
        }
        return out;
    }

    private static List<Metric> metrics(DatasetFormat format) {
        List<Metric> out = new ArrayList<>();
        switch (format) {
            case PAIR -> {
                out.add(new Metric("overallAccuracy", u -> u[0].correct() && u[1].correct() ? 1 : 0));
                out.add(new Metric("basicAccuracy", u -> u[0].correct() ? 1 : 0));
                out.add(new Metric("hallucinatedAccuracy", u -> u[1].correct() ? 1 : 0));
            }
            case CHOICE, LABEL -> out.add(new Metric("accuracy", u -> u[0].correct() ? 1 : 0));
            case OPEN -> {
                out.add(new Metric("clueOverlap", u -> u[0].clueOverlap() == null ? Double.NaN : u[0].clueOverlap()));
                out.add(new Metric("labelOverlap", u -> u[0].labelOverlap() == null ? Double.NaN : u[0].labelOverlap()));
                out.add(new Metric("accuracy", u -> u[0].correct() ? 1 : 0));
            }
        }
        return out;
    }
}

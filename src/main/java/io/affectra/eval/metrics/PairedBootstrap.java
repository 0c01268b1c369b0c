package io.affectra.eval.metrics;

import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * The mean paired difference of two arms' scores on the same cases (other minus baseline, index by index) with a
 * percentile bootstrap confidence interval from resampling cases with replacement. The resampling is seeded, so the
 * same scores give the same interval.
 * <p>
 * A resample is drawn as counts, not as n case indices: the differences take few distinct values (-1, 0, 1 for a
 * right/wrong metric, -9..9 for a judge's 1-10), and how many of n draws with replacement land on each value is
 * multinomial(n, share of each value). That is the same resampling distribution at a few binomial draws per resample
 * instead of n index draws: 10,000 cases x 2,000 resamples x 20 cells would be 400 million draws a metric.
 */
final class PairedBootstrap {

    private PairedBootstrap() {
    }

    static Comparison.Difference difference(double[] a, double[] b, int samples, long seed, double confidence) {
        int n = a.length;
        if (n == 0 || b.length != n) {
            throw new IllegalArgumentException("a paired difference needs the same cases on both sides, at least one");
        }
        double[] d = new double[n];
        for (int i = 0; i < n; i++) {
            d[i] = b[i] - a[i];
        }
        double[] values = Arrays.stream(d).sorted().distinct().toArray();
        int[] counts = new int[values.length];
        for (double v : d) {
            counts[Arrays.binarySearch(values, v)]++;
        }
        double[] boot = new double[samples];
        SplittableRandom random = new SplittableRandom(seed);
        for (int s = 0; s < samples; s++) {
            boot[s] = resampledMean(values, counts, n, random);
        }
        Arrays.sort(boot);
        double alpha = (1 - confidence) / 2;
        return new Comparison.Difference(Ratio.round(mean(a)), Ratio.round(mean(b)), Ratio.round(mean(d)),
                Ratio.round(percentile(boot, alpha)), Ratio.round(percentile(boot, 1 - alpha)));
    }

    /**
     * The mean of n draws with replacement from cases whose values are {@code values} with multiplicities
     * {@code counts}: the multinomial counts as a chain of binomials (of the draws left, how many land on this value
     * rather than a later one).
     */
    private static double resampledMean(double[] values, int[] counts, int n, SplittableRandom random) {
        int drawsLeft = n;
        int casesLeft = n;
        double sum = 0;
        for (int k = 0; k < values.length - 1 && drawsLeft > 0; k++) {
            int hits = Binomial.sample(drawsLeft, counts[k] / (double) casesLeft, random);
            sum += values[k] * hits;
            drawsLeft -= hits;
            casesLeft -= counts[k];
        }
        return (sum + values[values.length - 1] * drawsLeft) / n;
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
}

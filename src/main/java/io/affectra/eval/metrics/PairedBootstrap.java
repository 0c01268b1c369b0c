package io.affectra.eval.metrics;

import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * The mean paired difference of two arms' scores on the same cases (other minus baseline, index by index) with a
 * percentile bootstrap confidence interval from resampling cases with replacement. The resampling is seeded, so the
 * same scores give the same interval.
 */
final class PairedBootstrap {

    private PairedBootstrap() {
    }

    static Comparison.Difference difference(double[] a, double[] b, int samples, long seed, double confidence) {
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
        return new Comparison.Difference(Ratio.round(mean(a)), Ratio.round(mean(b)), Ratio.round(mean(d)),
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
}

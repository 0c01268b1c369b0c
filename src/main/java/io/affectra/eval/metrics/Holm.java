package io.affectra.eval.metrics;

import java.util.Comparator;
import java.util.stream.IntStream;

/**
 * Holm-Bonferroni adjusted p-values for a family of m comparisons: sorted ascending, the i-th smallest (from 0) is
 * multiplied by m - i, made no smaller than the one before it (step-down, so the adjusted values keep the order of
 * the raw ones) and capped at 1. Rejecting where the adjusted p is below alpha keeps the chance of any false positive
 * in the family at most alpha, with more power than plain Bonferroni.
 */
public final class Holm {

    private Holm() {
    }

    /** The adjusted p-values, in the order of the input. */
    public static double[] adjust(double... p) {
        for (double v : p) {
            if (!(v >= 0 && v <= 1)) {
                throw new IllegalArgumentException("a p-value must lie in [0, 1], got " + v);
            }
        }
        int m = p.length;
        Integer[] ascending = IntStream.range(0, m).boxed().sorted(Comparator.comparingDouble(i -> p[i])).toArray(Integer[]::new);
        double[] adjusted = new double[m];
        double floor = 0;
        for (int rank = 0; rank < m; rank++) {
            int i = ascending[rank];
            floor = Math.max(floor, Math.min(1, (m - rank) * p[i]));
            adjusted[i] = floor;
        }
        return adjusted;
    }
}

package io.affectra.eval.metrics;

import java.util.SplittableRandom;

/**
 * Binomial arithmetic in log space, so that tens of thousands of trials neither overflow nor underflow: log n!, log
 * C(n, k), the lower tail of a fair coin and seeded draws.
 */
final class Binomial {

    private static final double LN2 = Math.log(2);
    private static final double HALF_LN_2PI = 0.5 * Math.log(2 * Math.PI);
    /** Below this, log n! is summed exactly; from it on, Stirling's series is exact to double precision. */
    private static final int TABLE = 256;
    private static final double[] LOG_FACTORIAL = new double[TABLE];
    /** A tail term this small next to the sum cannot change it in double precision. */
    private static final double NEGLIGIBLE = 1e-17;
    /** Up to this many trials C(n, i) * (n - i) fits a long, so the tail is summed exactly in integers. */
    private static final int EXACT = 60;

    static {
        for (int i = 1; i < TABLE; i++) {
            LOG_FACTORIAL[i] = LOG_FACTORIAL[i - 1] + Math.log(i);
        }
    }

    private Binomial() {
    }

    /** ln n!: a table for small n, Stirling's series (error under 1/(1680 n^7)) above. */
    static double logFactorial(int n) {
        if (n < 0) {
            throw new IllegalArgumentException("n! of a negative n: " + n);
        }
        if (n < TABLE) {
            return LOG_FACTORIAL[n];
        }
        double x = n;
        double inv = 1 / x;
        double inv2 = inv * inv;
        return (x + 0.5) * Math.log(x) - x + HALF_LN_2PI + inv * (1.0 / 12 - inv2 * (1.0 / 360 - inv2 / 1260));
    }

    /** ln C(n, k), for 0 <= k <= n. */
    static double logChoose(int n, int k) {
        if (k < 0 || k > n) {
            throw new IllegalArgumentException("C(" + n + ", " + k + ") is undefined");
        }
        return logFactorial(n) - logFactorial(k) - logFactorial(n - k);
    }

    /**
     * P(X <= k) for X ~ Binomial(n, 1/2) and k <= n/2. Up to 60 trials the sum of C(n, i) is exact in integers and
     * divided by 2^n once. Beyond, the largest term C(n, k) / 2^n is taken in log space, times the sum of the smaller
     * terms relative to it, walked down from k (term(i-1) = term(i) * i / (n - i + 1)) until the rest is negligible.
     * The ratio falls as i does, so the rest is at most term * r / (1 - r): a few thousand steps at most, even for a
     * million trials.
     */
    static double fairLowerTail(int n, int k) {
        if (k < 0 || 2L * k > n) {
            throw new IllegalArgumentException("the lower tail up to k needs 0 <= k <= n/2, got n=" + n + ", k=" + k);
        }
        if (n <= EXACT) {
            long choose = 1;
            long sum = 0;
            for (int i = 0; i <= k; i++) {
                sum += choose;
                choose = choose * (n - i) / (i + 1);
            }
            return Math.scalb((double) sum, -n);
        }
        double sum = 0;
        double term = 1;
        for (int i = k; i >= 0; i--) {
            sum += term;
            double ratio = i / (double) (n - i + 1);
            if (term * ratio / (1 - ratio) < NEGLIGIBLE * sum) {
                break;
            }
            term *= ratio;
        }
        return Math.exp(logChoose(n, k) - n * LN2 + Math.log(sum));
    }

    /**
     * A draw from Binomial(n, p) by inversion of one uniform, visiting the outcomes outward from the mode (m, m - 1,
     * m + 1, m - 2, ...) with the pmf's ratio recurrence: exact, and about 1.6 standard deviations of steps on average
     * however large n is. Should rounding leave the uniform past the whole mass, the mode is returned.
     */
    static int sample(int n, double p, SplittableRandom random) {
        if (n == 0 || p <= 0) {
            return 0;
        }
        if (p >= 1) {
            return n;
        }
        int mode = (int) Math.min(n, Math.floor((n + 1) * p));
        double odds = p / (1 - p);
        double atMode = Math.exp(logChoose(n, mode) + mode * Math.log(p) + (n - mode) * Math.log1p(-p));
        double u = random.nextDouble() - atMode;
        if (u < 0) {
            return mode;
        }
        int lo = mode;
        int hi = mode;
        double below = atMode;
        double above = atMode;
        while (true) {
            boolean stepped = false;
            if (lo > 0 && below > 0) {
                below *= lo / (odds * (n - lo + 1)); // pmf(lo - 1) / pmf(lo) = lo / (n - lo + 1) * (1 - p) / p
                lo--;
                u -= below;
                stepped = true;
                if (u < 0) {
                    return lo;
                }
            }
            if (hi < n && above > 0) {
                above *= odds * (n - hi) / (hi + 1); // pmf(hi + 1) / pmf(hi) = (n - hi) / (hi + 1) * p / (1 - p)
                hi++;
                u -= above;
                stepped = true;
                if (u < 0) {
                    return hi;
                }
            }
            if (!stepped) {
                return mode;
            }
        }
    }
}

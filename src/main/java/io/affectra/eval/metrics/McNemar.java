package io.affectra.eval.metrics;

/**
 * The exact two-sided McNemar test for paired right/wrong outcomes on the same cases. Only the discordant cases
 * carry information: b went right to wrong (the baseline right, the other wrong), c wrong to right. Under the null of
 * no difference each discordant case goes either way with probability 1/2, so
 * p = min(1, 2 P(X <= min(b, c))) with X ~ Binomial(b + c, 1/2), and p = 1 when nothing is discordant.
 * Exact rather than the chi-square approximation, which is poor for the few flips a small prompt change makes.
 */
public final class McNemar {

    private McNemar() {
    }

    /**
     * @param rightToWrong b: cases the baseline got right and the other got wrong
     * @param wrongToRight c: cases the baseline got wrong and the other got right
     */
    public static double p(int rightToWrong, int wrongToRight) {
        if (rightToWrong < 0 || wrongToRight < 0) {
            throw new IllegalArgumentException("negative flip counts: b=" + rightToWrong + ", c=" + wrongToRight);
        }
        if (rightToWrong == wrongToRight) {
            return 1; // also b + c = 0; P(X <= n/2) exceeds 1/2, so the doubled tail is capped at 1 anyway
        }
        int discordant = Math.addExact(rightToWrong, wrongToRight);
        return Math.min(1, 2 * Binomial.fairLowerTail(discordant, Math.min(rightToWrong, wrongToRight)));
    }
}

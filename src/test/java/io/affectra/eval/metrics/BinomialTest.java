package io.affectra.eval.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.MathContext;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class BinomialTest {

    /** Past 60 trials the tail leaves exact integers for log space: it still agrees with a big-integer sum. */
    @Test
    void theLogSpaceTailAgreesWithExactIntegers() {
        for (int n : new int[] {60, 61, 100, 501, 2000}) {
            for (int k : new int[] {0, 1, n / 10, n / 3, n / 2 - 3, n / 2}) {
                BigInteger choose = BigInteger.ONE;
                BigInteger sum = BigInteger.ZERO;
                for (int i = 0; i <= k; i++) {
                    sum = sum.add(choose);
                    choose = choose.multiply(BigInteger.valueOf(n - i)).divide(BigInteger.valueOf(i + 1));
                }
                double exact = new BigDecimal(sum).divide(new BigDecimal(BigInteger.TWO.pow(n)), MathContext.DECIMAL128).doubleValue();
                assertThat(Binomial.fairLowerTail(n, k)).as("n=%d k=%d", n, k).isCloseTo(exact, within(exact * 1e-11));
            }
        }
    }

    /** Stirling's series takes over from the summed table at 256: both agree there and beyond. */
    @Test
    void logFactorialIsContinuousWhereTheSeriesTakesOver() {
        double summed = 0;
        for (int i = 1; i <= 400; i++) {
            summed += Math.log(i);
            assertThat(Binomial.logFactorial(i)).isCloseTo(summed, within(1e-10));
        }
    }

    /**
     * Seeded draws against the mean n p and variance n p (1 - p). With N draws the sample mean's standard error is
     * sqrt(n p q / N): the bounds below are about four of them (n = 100,000, p = 1/2: sd 158, se 1.6 at N = 10,000).
     */
    @Test
    void drawsHaveTheBinomialMeanAndVariance() {
        SplittableRandom random = new SplittableRandom(11);
        for (double[] np : new double[][] {{20, 0.3}, {10_000, 0.03}, {100_000, 0.5}, {5_000, 0.9}, {1_000_000, 1e-5}}) {
            int n = (int) np[0];
            double p = np[1];
            int draws = 10_000;
            double sum = 0;
            double squares = 0;
            for (int i = 0; i < draws; i++) {
                int x = Binomial.sample(n, p, random);
                assertThat(x).isBetween(0, n);
                sum += x;
                squares += (double) x * x;
            }
            double mean = sum / draws;
            double variance = squares / draws - mean * mean;
            double expectedVariance = n * p * (1 - p);
            assertThat(mean).as("n=%d p=%s", n, p).isCloseTo(n * p, within(4 * Math.sqrt(expectedVariance / draws)));
            assertThat(variance).as("n=%d p=%s", n, p).isCloseTo(expectedVariance, within(0.06 * expectedVariance));
        }
    }

    /** Binomial(6, 0.25): each outcome's share of 200,000 draws against C(6, k) 0.25^k 0.75^(6-k). */
    @Test
    void smallDrawsFollowThePmf() {
        SplittableRandom random = new SplittableRandom(3);
        int draws = 200_000;
        int[] seen = new int[7];
        for (int i = 0; i < draws; i++) {
            seen[Binomial.sample(6, 0.25, random)]++;
        }
        for (int k = 0; k <= 6; k++) {
            double pmf = Math.exp(Binomial.logChoose(6, k)) * Math.pow(0.25, k) * Math.pow(0.75, 6 - k);
            assertThat(seen[k] / (double) draws).as("k=%d", k).isCloseTo(pmf, within(4 * Math.sqrt(pmf * (1 - pmf) / draws) + 1e-6));
        }
    }

    @Test
    void certainOutcomesNeedNoDraw() {
        SplittableRandom random = new SplittableRandom(1);
        assertThat(Binomial.sample(0, 0.4, random)).isZero();
        assertThat(Binomial.sample(9, 0, random)).isZero();
        assertThat(Binomial.sample(9, 1, random)).isEqualTo(9);
    }
}

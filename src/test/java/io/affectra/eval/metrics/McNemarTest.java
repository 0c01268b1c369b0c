package io.affectra.eval.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class McNemarTest {

    /**
     * b = 1, c = 9: n = 10, min = 1. P(X <= 1) = (C(10,0) + C(10,1)) / 2^10 = (1 + 10) / 1024,
     * p = 2 * 11 / 1024 = 22 / 1024 = 0.021484375.
     */
    @Test
    void oneAgainstNine() {
        assertThat(McNemar.p(1, 9)).isCloseTo(0.021484375, within(1e-12));
        assertThat(McNemar.p(9, 1)).isCloseTo(0.021484375, within(1e-12));
    }

    /**
     * b = 2, c = 4: n = 6. P(X <= 2) = (1 + 6 + 15) / 64 = 22 / 64, p = 44 / 64 = 0.6875.
     * b = 0, c = 5: P(X <= 0) = 1 / 32, p = 2 / 32 = 0.0625.
     * b = 3, c = 17: n = 20. P(X <= 3) = (1 + 20 + 190 + 1140) / 2^20 = 1351 / 1048576, p = 2702 / 1048576.
     */
    @Test
    void smallHandWorkedCases() {
        assertThat(McNemar.p(2, 4)).isCloseTo(0.6875, within(1e-12));
        assertThat(McNemar.p(0, 5)).isCloseTo(0.0625, within(1e-12));
        assertThat(McNemar.p(3, 17)).isCloseTo(2702.0 / 1048576, within(1e-15));
    }

    @Test
    void equalFlipsAndNoFlipsGiveOne() {
        assertThat(McNemar.p(0, 0)).isEqualTo(1.0);
        assertThat(McNemar.p(7, 7)).isEqualTo(1.0);
        assertThat(McNemar.p(50_000, 50_000)).isEqualTo(1.0);
        // b = 1, c = 2: P(X <= 1) = (1 + 3) / 8 = 1/2, doubled to 1.
        assertThat(McNemar.p(1, 2)).isEqualTo(1.0);
    }

    /**
     * b = 4900, c = 5100: the terms C(10000, i) / 2^10000 underflow on their own, the log-space tail does not.
     * Normal approximation with continuity correction: z = (|b - c| - 1) / sqrt(b + c) = 199 / 100 = 1.99,
     * p ~ 2 (1 - Phi(1.99)) = 2 * 0.02330 = 0.0466. The exact value, summed in integers: 0.04658552770494739.
     */
    @Test
    void largeCountsStayFiniteAndMatchTheNormalApproximation() {
        double p = McNemar.p(4900, 5100);

        assertThat(p).isFinite().isBetween(0.0, 1.0);
        assertThat(p).isCloseTo(0.0466, within(0.001));
        assertThat(p).isCloseTo(0.04658552770494739, within(1e-9));
    }

    /**
     * 100,000 discordant cases. b = 49500, c = 50500: z = 999 / sqrt(100000) = 3.159, p ~ 0.00158;
     * exact (integers) 0.0015823598788515956. b = 49800, c = 50200: z = 399 / 316.23 = 1.262, exact 0.20703897176422484.
     * b = 0, c = 100000: 2 / 2^100000 is below the smallest double, so 0, not NaN.
     */
    @Test
    void aHundredThousandDiscordantCases() {
        assertThat(McNemar.p(49_500, 50_500)).isCloseTo(0.0015823598788515956, within(1e-12));
        assertThat(McNemar.p(49_800, 50_200)).isCloseTo(0.20703897176422484, within(1e-9));
        assertThat(McNemar.p(0, 100_000)).isEqualTo(0.0);
        assertThat(McNemar.p(1_000_000, 1_001_000)).isFinite().isBetween(0.0, 1.0);
    }

    @Test
    void negativeCountsAreRefused() {
        assertThatThrownBy(() -> McNemar.p(-1, 3)).isInstanceOf(IllegalArgumentException.class);
    }
}

package io.affectra.eval.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Arrays;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class PairedBootstrapTest {

    /**
     * 10,000 cases: 3,000 went wrong to right (+1), 2,000 right to wrong (-1), 5,000 stayed (0). Mean 0.1;
     * variance 0.5 - 0.01 = 0.49, so the standard error is 0.7 / 100 = 0.007 and the normal 95% interval
     * 0.1 +- 1.96 * 0.007 = [0.08628, 0.11372]. Drawn as counts, the percentile interval lands there.
     */
    @Test
    void theIntervalMatchesNormalTheoryOnManyCases() {
        double[] base = new double[10_000];
        double[] other = new double[10_000];
        for (int i = 0; i < 3000; i++) {
            other[i] = 1;
        }
        for (int i = 3000; i < 5000; i++) {
            base[i] = 1;
        }

        Comparison.Difference d = PairedBootstrap.difference(base, other, 2000, 42, 0.95);

        assertThat(d.difference()).isEqualTo(0.1);
        assertThat(d.ciLow()).isCloseTo(0.08628, within(0.0015));
        assertThat(d.ciHigh()).isCloseTo(0.11372, within(0.0015));
    }

    /**
     * Against plain resampling of case indices on a small, lumpy example (a judge's scores): drawing counts must give
     * the same resampling distribution, so with 20,000 resamples each the percentiles agree to Monte Carlo noise.
     */
    @Test
    void countsResampleLikeCaseIndices() {
        double[] base = {5, 7, 3, 8, 6, 6, 2, 9, 4, 5, 7, 7, 1, 6, 5};
        double[] other = {6, 7, 5, 8, 9, 6, 4, 9, 4, 7, 7, 8, 3, 6, 4};
        double[] d = new double[base.length];
        for (int i = 0; i < d.length; i++) {
            d[i] = other[i] - base[i];
        }
        SplittableRandom random = new SplittableRandom(99);
        double[] byIndex = new double[20_000];
        for (int s = 0; s < byIndex.length; s++) {
            double sum = 0;
            for (int i = 0; i < d.length; i++) {
                sum += d[random.nextInt(d.length)];
            }
            byIndex[s] = sum / d.length;
        }
        Arrays.sort(byIndex);

        for (double confidence : new double[] {0.5, 0.8, 0.95}) {
            Comparison.Difference byCounts = PairedBootstrap.difference(base, other, 20_000, 5, confidence);
            double alpha = (1 - confidence) / 2;
            assertThat(byCounts.ciLow()).as("%s low", confidence).isCloseTo(PairedBootstrap.percentile(byIndex, alpha), within(0.07));
            assertThat(byCounts.ciHigh()).as("%s high", confidence).isCloseTo(PairedBootstrap.percentile(byIndex, 1 - alpha), within(0.07));
        }
    }

    @Test
    void percentilesInterpolate() {
        assertThat(PairedBootstrap.percentile(new double[] {0, 1, 2, 3, 4}, 0.5)).isEqualTo(2.0);
        assertThat(PairedBootstrap.percentile(new double[] {0, 10}, 0.25)).isEqualTo(2.5);
    }
}

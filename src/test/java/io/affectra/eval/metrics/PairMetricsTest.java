package io.affectra.eval.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The pair metrics against hand-worked examples and degenerate answerers (DESIGN.md §4 definitions). */
class PairMetricsTest {

    @Test
    void alwaysYesScoresBasicOneHallucinatedZeroPairsZero() {
        PairMetrics m = PairMetrics.of(Cases.pairs("s", 10, i -> new String[] {"yes", "yes"}));

        assertThat(m.pairs()).isEqualTo(10);
        assertThat(m.answers()).isEqualTo(20);
        assertThat(m.basicAccuracy()).isEqualTo(1.0);
        assertThat(m.hallucinatedAccuracy()).isEqualTo(0.0);
        assertThat(m.overallAccuracy()).isEqualTo(0.0);
        // d_y = (n_yes - gt_yes) / (2 gt_yes) = (20 - 10) / 20
        assertThat(m.yesPercentageDifference()).isEqualTo(0.5);
        // every wrong answer is a yes where the truth is no
        assertThat(m.falsePositiveRatio()).isEqualTo(1.0);
        assertThat(m.yesRatio()).isEqualTo(1.0);
        assertThat(m.precision()).isEqualTo(0.5);
        assertThat(m.recall()).isEqualTo(1.0);
        assertThat(m.f1()).isCloseTo(2 * 0.5 / 1.5, within(1e-6));
    }

    @Test
    void alwaysNoScoresBasicZeroHallucinatedOnePairsZero() {
        PairMetrics m = PairMetrics.of(Cases.pairs("s", 10, i -> new String[] {"no", "no"}));

        assertThat(m.basicAccuracy()).isEqualTo(0.0);
        assertThat(m.hallucinatedAccuracy()).isEqualTo(1.0);
        assertThat(m.overallAccuracy()).isEqualTo(0.0);
        assertThat(m.yesPercentageDifference()).isEqualTo(-0.5);
        assertThat(m.falsePositiveRatio()).isEqualTo(0.0);
        assertThat(m.yesRatio()).isEqualTo(0.0);
        assertThat(m.precision()).isNull(); // it never says yes: precision is undefined, not 0 or 1
        assertThat(m.recall()).isEqualTo(0.0);
    }

    @Test
    void aPerfectAnswererHasNoWrongAnswersSoNoFalsePositiveRatio() {
        PairMetrics m = PairMetrics.of(Cases.pairs("s", 4, i -> new String[] {"yes", "no"}));

        assertThat(m.overallAccuracy()).isEqualTo(1.0);
        assertThat(m.yesPercentageDifference()).isEqualTo(0.0);
        assertThat(m.wrong()).isZero();
        assertThat(m.falsePositiveRatio()).isNull();
        assertThat(m.f1()).isEqualTo(1.0);
    }

    @Test
    void aSeededRandomAnswererLandsNearAQuarterOfPairs() {
        Random random = new Random(20261123L);
        PairMetrics m = PairMetrics.of(Cases.pairs("s", 2000, i -> new String[] {
                random.nextBoolean() ? "yes" : "no", random.nextBoolean() ? "yes" : "no"}));

        // Expected 0.25 with a standard deviation of sqrt(0.25 * 0.75 / 2000) = 0.0097.
        assertThat(m.overallAccuracy()).isCloseTo(0.25, within(0.04));
        assertThat(m.basicAccuracy()).isCloseTo(0.5, within(0.05));
        assertThat(m.hallucinatedAccuracy()).isCloseTo(0.5, within(0.05));
        assertThat(m.yesPercentageDifference()).isCloseTo(0.0, within(0.05));
        assertThat(m.falsePositiveRatio()).isCloseTo(0.5, within(0.05));
    }

    /**
     * Four pairs worked by hand:
     * p0 (yes, no) both right; p1 (yes, yes) hallucinated wrong, a false positive; p2 (no, no) basic wrong;
     * p3 (unparseable, no) basic wrong.
     * basic 2/4, hallucinated 3/4, pairs 1/4; n_yes = 3, gt_yes = 4: d_y = (3 - 4) / 8 = -0.125;
     * wrong = 3 (p1 hallucinated, p2 basic, p3 basic), fp = 1: r_fp = 1/3;
     * TP 2, FP 1, FN 2: precision 2/3, recall 1/2, F1 4/7; yes ratio 3/8.
     */
    @Test
    void handWorkedMixedExample() {
        List<CaseResult> results = Cases.pairs("s", 4, i -> switch (i) {
            case 0 -> new String[] {"yes", "no"};
            case 1 -> new String[] {"yes", "yes"};
            case 2 -> new String[] {"no", "no"};
            default -> new String[] {null, "no"};
        });
        PairMetrics m = PairMetrics.of(results);

        assertThat(m.basicAccuracy()).isEqualTo(0.5);
        assertThat(m.hallucinatedAccuracy()).isEqualTo(0.75);
        assertThat(m.overallAccuracy()).isEqualTo(0.25);
        assertThat(m.yes()).isEqualTo(3);
        assertThat(m.groundTruthYes()).isEqualTo(4);
        assertThat(m.yesPercentageDifference()).isEqualTo(-0.125);
        assertThat(m.wrong()).isEqualTo(3);
        assertThat(m.falsePositives()).isEqualTo(1);
        assertThat(m.falsePositiveRatio()).isCloseTo(1.0 / 3, within(1e-6));
        assertThat(m.precision()).isCloseTo(2.0 / 3, within(1e-6));
        assertThat(m.recall()).isEqualTo(0.5);
        assertThat(m.f1()).isCloseTo(4.0 / 7, within(1e-6));
        assertThat(m.yesRatio()).isEqualTo(0.375);
        assertThat(m.unparseable()).isEqualTo(1);
        assertThat(m.errors()).isZero();

        // Per category: even = p0, p2; odd = p1, p3.
        assertThat(m.byCategory()).containsOnlyKeys("even", "odd");
        assertThat(m.byCategory().get("even").overallAccuracy()).isEqualTo(0.5);
        assertThat(m.byCategory().get("even").basicAccuracy()).isEqualTo(0.5);
        assertThat(m.byCategory().get("odd").overallAccuracy()).isEqualTo(0.0);
        assertThat(m.byCategory().get("odd").hallucinatedAccuracy()).isEqualTo(0.5);
    }

    @Test
    void failedCasesAreWrongAndCountedNeverDropped() {
        PairMetrics m = PairMetrics.of(Cases.pairs("s", 2, i -> i == 0 ? new String[] {Cases.ERROR, "no"} : new String[] {"yes", "no"}));

        assertThat(m.pairs()).isEqualTo(2);
        assertThat(m.errors()).isEqualTo(1);
        assertThat(m.basicAccuracy()).isEqualTo(0.5);
        assertThat(m.wrong()).isEqualTo(1);
        assertThat(m.falsePositiveRatio()).isEqualTo(0.0);
    }

    @Test
    void incompletePairsWaitForTheirSecondAnswer() {
        List<CaseResult> results = new ArrayList<>(Cases.pairs("s", 3, i -> new String[] {"yes", "no"}));
        results.remove(5); // p2's hallucinated answer is not in yet

        PairMetrics m = PairMetrics.of(results);

        assertThat(m.pairs()).isEqualTo(2);
        assertThat(m.overallAccuracy()).isEqualTo(1.0);
    }
}

package io.affectra.eval.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

class BaselineComparisonTest {

    private static final int SAMPLES = 2000;
    private static final long SEED = 42;

    /**
     * Ten shared cases c0..c9. Baseline right on c0..c5 (6/10), cell right on c2..c9 (8/10): difference 0.2.
     * Right to wrong: c0, c1 (b = 2); wrong to right: c6..c9 (c = 4); McNemar p = 2 (1 + 6 + 15) / 64 = 0.6875.
     * The baseline also has c10 and the cell c11, c12: dropped, 1 and 2.
     */
    @Test
    void handWorkedCellAgainstTheBaseline() {
        Map<String, Double> base = accuracy("1111110000");
        base.put("c10", 1.0);
        Map<String, Double> cell = accuracy("0011111111");
        cell.put("c11", 1.0);
        cell.put("c12", 0.0);

        BaselineComparison c = BaselineComparison.of("base", arm(base), "cell", arm(cell), SAMPLES, SEED, 0.95);

        assertThat(c.cases()).isEqualTo(10);
        assertThat(c.droppedBaselineOnly()).isEqualTo(1);
        assertThat(c.droppedCellOnly()).isEqualTo(2);
        BaselineComparison.MetricComparison accuracy = c.metrics().get("accuracy");
        assertThat(accuracy.cases()).isEqualTo(10);
        assertThat(accuracy.baseline()).isEqualTo(0.6);
        assertThat(accuracy.cell()).isEqualTo(0.8);
        assertThat(accuracy.difference()).isEqualTo(0.2);
        assertThat(accuracy.rightToWrong()).containsExactly("c0", "c1");
        assertThat(accuracy.wrongToRight()).containsExactly("c6", "c7", "c8", "c9");
        assertThat(accuracy.mcNemarP()).isEqualTo(0.6875);
        assertThat(accuracy.holmP()).isNull();
        // The differences are -1, -1, 0 x 4, 1 x 4: the interval lies within [-1, 1] and holds their mean.
        assertThat(accuracy.ciLow()).isLessThan(0.2).isGreaterThanOrEqualTo(-1.0);
        assertThat(accuracy.ciHigh()).isGreaterThan(0.2).isLessThanOrEqualTo(1.0);
    }

    @Test
    void theSameSeedGivesTheSameInterval() {
        CaseScores base = arm(accuracy("1111110000110010"));
        CaseScores cell = arm(accuracy("0011111111011110"));

        BaselineComparison a = BaselineComparison.of("base", base, "cell", cell, SAMPLES, 7, 0.95);
        BaselineComparison b = BaselineComparison.of("base", base, "cell", cell, SAMPLES, 7, 0.95);

        assertThat(a).isEqualTo(b);
        assertThat(a.metrics().get("accuracy").ciLow()).isLessThan(a.metrics().get("accuracy").ciHigh());
    }

    /** A judge's 1-10 score: no McNemar, no flips; c3 unscored by the cell counts as a case but not for this metric. */
    @Test
    void aGradedMetricHasAnIntervalButNoFlips() {
        Map<String, Double> baseClue = new LinkedHashMap<>();
        Map<String, Double> cellClue = new LinkedHashMap<>();
        for (int i = 0; i < 10; i++) {
            baseClue.put("c" + i, 5.0);
            if (i != 3) {
                cellClue.put("c" + i, 7.0);
            }
        }
        CaseScores base = new CaseScores(List.copyOf(baseClue.keySet()), List.of(new CaseScores.Metric("clueOverlap", false, baseClue)));
        CaseScores cell = new CaseScores(List.copyOf(baseClue.keySet()), List.of(new CaseScores.Metric("clueOverlap", false, cellClue)));

        BaselineComparison c = BaselineComparison.of("base", base, "cell", cell, SAMPLES, SEED, 0.95);

        BaselineComparison.MetricComparison clue = c.metrics().get("clueOverlap");
        assertThat(c.cases()).isEqualTo(10);
        assertThat(clue.cases()).isEqualTo(9);
        // Every difference is 7 - 5 = 2, so is every resample's mean.
        assertThat(clue.difference()).isEqualTo(2.0);
        assertThat(clue.ciLow()).isEqualTo(2.0);
        assertThat(clue.ciHigh()).isEqualTo(2.0);
        assertThat(clue.mcNemarP()).isNull();
        assertThat(clue.rightToWrong()).isNull();
        assertThat(BaselineComparison.holmAdjusted(List.of(c)).get(0).metrics().get("clueOverlap").holmP()).isNull();
    }

    /** Stored pair results give what the run's strategy comparison gives: the same units, means and interval. */
    @Test
    void agreesWithTheStrategyComparisonOnStoredResults() {
        List<CaseResult> yesMan = Cases.pairs("direct", 40, i -> new String[] {"yes", "yes"});
        List<CaseResult> careful = Cases.pairs("pep-mek", 40, i -> i < 30 ? new String[] {"yes", "no"} : new String[] {"yes", "yes"});

        Comparison strategies = Comparison.of(DatasetFormat.PAIR, "direct", yesMan, "pep-mek", careful, 500, SEED, 0.95);
        BaselineComparison cell = BaselineComparison.of("direct", CaseScores.of(DatasetFormat.PAIR, yesMan), "pep-mek",
                CaseScores.of(DatasetFormat.PAIR, careful), 500, SEED, 0.95);

        assertThat(cell.cases()).isEqualTo(strategies.units());
        assertThat(cell.metrics().keySet()).containsExactlyElementsOf(strategies.metrics().keySet());
        strategies.metrics().forEach((name, d) -> {
            BaselineComparison.MetricComparison m = cell.metrics().get(name);
            assertThat(List.of(m.baseline(), m.cell(), m.difference(), m.ciLow(), m.ciHigh()))
                    .containsExactly(d.baseline(), d.strategy(), d.difference(), d.ciLow(), d.ciHigh());
        });
        // overall: pairs p0..p29 went wrong to right, none the other way: p = 2 / 2^30.
        assertThat(cell.metrics().get("overallAccuracy").wrongToRight()).hasSize(30).startsWith("p0", "p1").endsWith("p29");
        assertThat(cell.metrics().get("overallAccuracy").mcNemarP()).isEqualTo(2 / Math.pow(2, 30));
        assertThat(cell.metrics().get("basicAccuracy").mcNemarP()).isEqualTo(1.0);
    }

    /**
     * Twenty cases, the baseline right on the first ten. Cell a: c0 right to wrong, c10..c18 wrong to right (b = 1,
     * c = 9, p = 0.021484375). Cell b: c10..c14 wrong to right (b = 0, c = 5, p = 2 / 32 = 0.0625). Cell c: c0..c2
     * right to wrong, c10..c12 wrong to right (b = c = 3, p = 1).
     * Holm over m = 3: 3 * 0.021484375 = 0.064453125; max(0.064453125, 2 * 0.0625) = 0.125; max(0.125, 1 * 1) = 1.
     */
    @Test
    void aFamilyOfCellsIsHolmAdjustedMetricByMetric() {
        CaseScores base = arm(accuracy("11111111110000000000"));
        Map<String, CaseScores> cells = new LinkedHashMap<>();
        cells.put("a", arm(accuracy("01111111111111111110")));
        cells.put("b", arm(accuracy("11111111111111100000")));
        cells.put("c", arm(accuracy("00011111111110000000")));

        List<BaselineComparison> family = BaselineComparison.family("base", base, cells, SAMPLES, SEED, 0.95);

        assertThat(family).extracting(BaselineComparison::cell).containsExactly("a", "b", "c");
        assertThat(family).extracting(c -> c.metrics().get("accuracy").mcNemarP()).containsExactly(0.021484375, 0.0625, 1.0);
        assertThat(family.get(0).metrics().get("accuracy").holmP()).isCloseTo(0.064453125, within(1e-12));
        assertThat(family.get(1).metrics().get("accuracy").holmP()).isCloseTo(0.125, within(1e-12));
        assertThat(family.get(2).metrics().get("accuracy").holmP()).isEqualTo(1.0);
        assertThat(family.get(0).metrics().get("accuracy").rightToWrong()).containsExactly("c0");
        assertThat(family.get(2).metrics().get("accuracy").rightToWrong()).containsExactly("c0", "c1", "c2");
        // Within the family or on its own, a cell's interval is the same.
        BaselineComparison alone = BaselineComparison.of("base", base, "b", cells.get("b"), SAMPLES, SEED, 0.95);
        assertThat(family.get(1).metrics().get("accuracy").ciLow()).isEqualTo(alone.metrics().get("accuracy").ciLow());
        assertThat(family.get(1).metrics().get("accuracy").ciHigh()).isEqualTo(alone.metrics().get("accuracy").ciHigh());
    }

    /**
     * The size of a prompt experiment: 10,000 open cases (two graded metrics and accuracy) in 20 cells, 2,000
     * resamples each. The cell's accuracy is seeded to beat the baseline's on more cases than it loses.
     */
    @Test
    void tenThousandCasesInTwentyCells() {
        Random random = new Random(20261123L);
        CaseScores base = CaseScores.of(DatasetFormat.OPEN, openCases("base", 10_000, 0.5, random));
        Map<String, CaseScores> cells = new LinkedHashMap<>();
        for (int i = 0; i < 20; i++) {
            cells.put("cell" + i, CaseScores.of(DatasetFormat.OPEN, openCases("cell" + i, 10_000, 0.55, random)));
        }

        List<BaselineComparison> family = BaselineComparison.family("base", base, cells, SAMPLES, SEED, 0.95);

        assertThat(family).hasSize(20).allSatisfy(c -> {
            assertThat(c.cases()).isEqualTo(10_000);
            assertThat(c.metrics()).containsOnlyKeys("clueOverlap", "labelOverlap", "accuracy");
            BaselineComparison.MetricComparison accuracy = c.metrics().get("accuracy");
            assertThat(accuracy.ciLow()).isLessThan(accuracy.difference()).isPositive();
            assertThat(accuracy.ciHigh()).isGreaterThan(accuracy.difference());
            assertThat(accuracy.holmP()).isGreaterThanOrEqualTo(accuracy.mcNemarP()).isLessThan(0.05);
            assertThat(accuracy.rightToWrong().size() + accuracy.wrongToRight().size()).isBetween(4000, 6000);
            assertThat(c.metrics().get("clueOverlap").difference()).isCloseTo(0.0, within(0.15));
        });
    }

    private static List<CaseResult> openCases(String strategy, int n, double accuracy, Random random) {
        List<CaseResult> out = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            boolean right = random.nextDouble() < accuracy;
            out.add(new CaseResult(strategy, "o" + i, i, "o" + i, null, null, null, "joy", right ? "joy" : "fear", right, null,
                    1 + random.nextInt(10), 1 + random.nextInt(10), "", 1, 0, 0, 0, null));
        }
        return out;
    }

    /** Cases c0.. scored 1 or 0 by the digits of the pattern. */
    private static Map<String, Double> accuracy(String pattern) {
        Map<String, Double> out = new LinkedHashMap<>();
        for (int i = 0; i < pattern.length(); i++) {
            out.put("c" + i, pattern.charAt(i) == '1' ? 1.0 : 0.0);
        }
        return out;
    }

    private static CaseScores arm(Map<String, Double> accuracy) {
        return new CaseScores(new ArrayList<>(accuracy.keySet()), List.of(new CaseScores.Metric("accuracy", true, accuracy)));
    }
}

package io.affectra.experiment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.affectra.analysis.InvalidRequestException;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class GateTest {

    static ExperimentView.CellView cell(String id, Object metrics) {
        return new ExperimentView.CellView(id, id, new ExperimentView.Variant("v", "s"), "local", "m", "direct", Map.of(), null, metrics, 10, 0, 0,
                new ExperimentView.Latency(1L, 2L), 0, 0, 0, 0);
    }

    static ExperimentView.ComparisonView against(String cell, double difference, double low, double high) {
        return new ExperimentView.ComparisonView(cell, "c1", 100, Map.of("accuracy",
                new ExperimentView.MetricDifference(100, 0.7, 0.7 + difference, difference, new double[] {low, high}, 0.01, 0.02, List.of(), List.of())));
    }

    @Test
    void parsesTheTwoForms() {
        assertThat(Gate.parse("accuracy >= 0.6")).isEqualTo(new Gate.Threshold("accuracy >= 0.6", null, "accuracy", ">=", 0.6));
        assertThat(Gate.parse(" c2 labels.accuracy<.5 ")).isEqualTo(new Gate.Threshold("c2 labels.accuracy<.5", "c2", "labels.accuracy", "<", 0.5));
        assertThat(Gate.parse("macroF1 regression <= 0.02")).isEqualTo(new Gate.Regression("macroF1 regression <= 0.02", "macroF1", 0.02));
        assertThatThrownBy(() -> Gate.parse("accuracy is high")).isInstanceOf(InvalidRequestException.class).hasMessageContaining("not a gate");
        assertThatThrownBy(() -> Gate.parse(null)).isInstanceOf(InvalidRequestException.class);
    }

    @Test
    void aThresholdChecksEveryCellOrTheNamedOne() {
        List<ExperimentView.CellView> cells = List.of(cell("c1", Map.of("accuracy", 0.8)), cell("c2", Map.of("accuracy", 0.5)),
                cell("c3", Map.of("labels", Map.of("accuracy", 0.9))));

        ExperimentView.GateResult all = ExperimentReport.check(Gate.parse("accuracy >= 0.6"), cells, List.of());
        assertThat(all.passed()).isFalse();
        assertThat(all.failures()).containsExactly("c2: accuracy = 0.5000", "c3: no value for accuracy");
        assertThat(ExperimentReport.check(Gate.parse("c1 accuracy >= 0.6"), cells, List.of()).passed()).isTrue();
        assertThat(ExperimentReport.check(Gate.parse("c3 labels.accuracy > 0.85"), cells, List.of()).passed()).isTrue();
        assertThat(ExperimentReport.check(Gate.parse("c9 accuracy > 0"), cells, List.of()).failures()).containsExactly("no cell c9");
    }

    @Test
    void aRegressionFailsOnlyWhenTheWholeIntervalLiesBelowTheAllowedDrop() {
        List<ExperimentView.ComparisonView> comparisons = List.of(
                against("c2", -0.05, -0.12, 0.02), // could be no worse: passes
                against("c3", -0.10, -0.16, -0.04), // surely worse by more than 0.02: fails
                against("c4", -0.03, -0.05, -0.01)); // surely worse, but not by more than 0.02: passes
        ExperimentView.GateResult r = ExperimentReport.check(Gate.parse("accuracy regression <= 0.02"), List.of(), comparisons);
        assertThat(r.passed()).isFalse();
        assertThat(r.failures()).hasSize(1);
        assertThat(r.failures().get(0)).startsWith("c3: accuracy -0.1000 against c1");
    }

    @Test
    void nearestRankPercentiles() {
        long[] ms = {10, 20, 30, 40, 50, 60, 70, 80, 90, 100};
        assertThat(ExperimentReport.percentile(ms, 0.5)).isEqualTo(50);
        assertThat(ExperimentReport.percentile(ms, 0.95)).isEqualTo(100);
        assertThat(ExperimentReport.percentile(new long[0], 0.5)).isNull();
    }
}

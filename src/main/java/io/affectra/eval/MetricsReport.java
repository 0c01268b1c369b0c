package io.affectra.eval;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.affectra.eval.metrics.CaseResult;
import io.affectra.eval.metrics.ChoiceMetrics;
import io.affectra.eval.metrics.Comparison;
import io.affectra.eval.metrics.DatasetFormat;
import io.affectra.eval.metrics.LabelMetrics;
import io.affectra.eval.metrics.OpenMetrics;
import io.affectra.eval.metrics.PairMetrics;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A run's metrics: per strategy the format's metrics, and every later strategy compared with the first.
 *
 * @param byStrategy strategy id to {@link PairMetrics}, {@link ChoiceMetrics}, {@link LabelMetrics} or {@link OpenMetrics}
 */
public record MetricsReport(Map<String, Object> byStrategy, List<Comparison> comparisons) {

    private static final ObjectMapper JSON = new ObjectMapper().findAndRegisterModules();

    public static MetricsReport of(DatasetFormat format, List<String> strategies, Map<String, List<CaseResult>> results, List<String> goldLabels,
            int bootstrapSamples, long bootstrapSeed) {
        Map<String, Object> byStrategy = new LinkedHashMap<>();
        for (String s : strategies) {
            List<CaseResult> r = results.getOrDefault(s, List.of());
            byStrategy.put(s, switch (format) {
                case PAIR -> PairMetrics.of(r);
                case CHOICE -> ChoiceMetrics.of(r);
                case LABEL -> LabelMetrics.of(r, goldLabels);
                case OPEN -> OpenMetrics.of(r, goldLabels);
            });
        }
        List<Comparison> comparisons = new ArrayList<>();
        for (int i = 1; i < strategies.size(); i++) {
            comparisons.add(Comparison.of(format, strategies.get(0), results.getOrDefault(strategies.get(0), List.of()), strategies.get(i),
                    results.getOrDefault(strategies.get(i), List.of()), bootstrapSamples, bootstrapSeed, 0.95));
        }
        return new MetricsReport(byStrategy, comparisons);
    }

    /** A finished (or failed) run's report from its rows, as JSON for its record: the same on one process and on replicas. */
    public static String json(RunPlan plan, Map<String, List<CaseResult>> results, EvalConfig config) {
        MetricsReport report = of(plan.format(), plan.armIds(), results, plan.dataset().labels(), config.bootstrapSamples(), config.bootstrapSeed());
        try {
            return JSON.writeValueAsString(report);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("metrics not serialisable", e);
        }
    }
}

package io.affectra.experiment;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.affectra.eval.MetricsReport;
import io.affectra.eval.metrics.BaselineComparison;
import io.affectra.eval.metrics.CaseResult;
import io.affectra.eval.metrics.CaseScores;
import io.affectra.eval.metrics.DatasetFormat;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * What an experiment's trials add up to: per cell the format's metrics (the evaluation runner's, so names match), its
 * latency percentiles, tokens, errors and cache hits; every cell against the baseline (paired bootstrap interval, exact
 * McNemar, Holm across cells, the flipped cases); and the gates.
 */
final class ExperimentReport {

    private static final ObjectMapper JSON = new ObjectMapper().findAndRegisterModules();

    record Built(List<ExperimentView.CellView> cells, List<ExperimentView.ComparisonView> comparisons, List<ExperimentView.GateResult> gates,
            Boolean gatesPassed) {
    }

    private ExperimentReport() {
    }

    static Built build(DatasetFormat format, List<Cell> cells, String baseline, Map<String, List<CaseResult>> trials, List<String> goldLabels,
            List<String> gates, int samples, long seed) {
        List<String> ids = cells.stream().map(Cell::id).toList();
        Map<String, Object> byCell = new LinkedHashMap<>();
        for (String id : ids) {
            // One cell at a time: the report's own strategy comparisons are not wanted here.
            byCell.putAll(MetricsReport.of(format, List.of(id), trials, goldLabels, samples, seed).byStrategy());
        }
        List<ExperimentView.CellView> views = new ArrayList<>();
        for (Cell c : cells) {
            views.add(view(c, byCell.get(c.id()), trials.getOrDefault(c.id(), List.of())));
        }
        List<ExperimentView.ComparisonView> comparisons = comparisons(format, cells, baseline, trials, samples, seed);
        List<ExperimentView.GateResult> results = new ArrayList<>();
        for (String text : gates == null ? List.<String>of() : gates) {
            results.add(check(Gate.parse(text), views, comparisons));
        }
        Boolean passed = results.isEmpty() ? null : results.stream().allMatch(ExperimentView.GateResult::passed);
        return new Built(views, comparisons, results, passed);
    }

    private static ExperimentView.CellView view(Cell c, Object metrics, List<CaseResult> trials) {
        long[] latencies = trials.stream().filter(t -> !t.failed()).mapToLong(CaseResult::latencyMs).sorted().toArray();
        int hits = (int) trials.stream().filter(t -> t.trial().cacheHit()).count();
        return new ExperimentView.CellView(c.id(), c.label(), new ExperimentView.Variant(c.variant().name(), c.variant().sha256()), c.backend(),
                c.model(), c.strategy(), c.sampling().asMap(), c.ablation().isNone() ? null : c.ablation().name(), metrics, trials.size(),
                (int) trials.stream().filter(CaseResult::failed).count(), (int) trials.stream().filter(CaseResult::unparseable).count(),
                new ExperimentView.Latency(percentile(latencies, 0.50), percentile(latencies, 0.95)),
                trials.stream().mapToLong(CaseResult::promptTokens).sum(), trials.stream().mapToLong(CaseResult::completionTokens).sum(), hits,
                trials.isEmpty() ? 0 : Math.round(hits * 1000.0 / trials.size()) / 1000.0);
    }

    /** Nearest-rank percentile; null without values. */
    static Long percentile(long[] sorted, double q) {
        if (sorted.length == 0) {
            return null;
        }
        int rank = (int) Math.ceil(q * sorted.length);
        return sorted[Math.max(0, Math.min(sorted.length - 1, rank - 1))];
    }

    private static List<ExperimentView.ComparisonView> comparisons(DatasetFormat format, List<Cell> cells, String baseline,
            Map<String, List<CaseResult>> trials, int samples, long seed) {
        CaseScores base = TrialScores.of(format, trials.getOrDefault(baseline, List.of()));
        Map<String, CaseScores> others = new LinkedHashMap<>();
        for (Cell c : cells) {
            if (!c.id().equals(baseline)) {
                others.put(c.id(), TrialScores.of(format, trials.getOrDefault(c.id(), List.of())));
            }
        }
        return BaselineComparison.family(baseline, base, others, samples, seed, 0.95).stream().map(ExperimentReport::view).toList();
    }

    /**
     * Every ablated cell against the un-ablated cell with the same variant, backend, model, strategy and sampling: what
     * removing the cue families costs, with the same paired statistics as the baseline comparisons (Holm across the
     * ablated cells). An ablated cell without such a partner is left out.
     */
    static List<ExperimentView.ComparisonView> ablations(DatasetFormat format, List<Cell> cells, Map<String, List<CaseResult>> trials, int samples,
            long seed) {
        List<BaselineComparison> each = new ArrayList<>();
        for (Cell c : cells) {
            if (c.ablation().isNone()) {
                continue;
            }
            cells.stream().filter(o -> o.ablation().isNone() && sameApartFromAblation(o, c)).findFirst()
                    .ifPresent(full -> each.add(BaselineComparison.of(full.id(), TrialScores.of(format, trials.getOrDefault(full.id(), List.of())),
                            c.id(), TrialScores.of(format, trials.getOrDefault(c.id(), List.of())), samples, seed, 0.95)));
        }
        return BaselineComparison.holmAdjusted(each).stream().map(ExperimentReport::view).toList();
    }

    /** Cell {@code b} against cell {@code a} on the cases both have, alone (no Holm family): what the compare view shows. */
    static ExperimentView.ComparisonView pair(DatasetFormat format, String a, String b, Map<String, List<CaseResult>> trials, int samples, long seed) {
        return view(BaselineComparison.of(a, TrialScores.of(format, trials.getOrDefault(a, List.of())), b,
                TrialScores.of(format, trials.getOrDefault(b, List.of())), samples, seed, 0.95));
    }

    private static boolean sameApartFromAblation(Cell a, Cell b) {
        return a.variant().name().equals(b.variant().name()) && a.variant().sha256().equals(b.variant().sha256()) && a.backend().equals(b.backend())
                && Objects.equals(a.model(), b.model()) && a.strategy().equals(b.strategy()) && a.sampling().equals(b.sampling());
    }

    private static ExperimentView.ComparisonView view(BaselineComparison b) {
        Map<String, ExperimentView.MetricDifference> metrics = new LinkedHashMap<>();
        b.metrics().forEach((name, m) -> metrics.put(name, new ExperimentView.MetricDifference(m.cases(), m.baseline(), m.cell(), m.difference(),
                new double[] {m.ciLow(), m.ciHigh()}, m.mcNemarP(), m.holmP(), m.rightToWrong(), m.wrongToRight())));
        return new ExperimentView.ComparisonView(b.cell(), b.baseline(), b.cases(), metrics);
    }

    static ExperimentView.GateResult check(Gate gate, List<ExperimentView.CellView> cells, List<ExperimentView.ComparisonView> comparisons) {
        List<String> failures = new ArrayList<>();
        switch (gate) {
            case Gate.Threshold t -> {
                List<ExperimentView.CellView> checked = cells.stream().filter(c -> t.cell() == null || c.id().equals(t.cell())).toList();
                if (checked.isEmpty()) {
                    failures.add("no cell " + t.cell());
                }
                for (ExperimentView.CellView c : checked) {
                    Double value = metric(c.metrics(), t.metric());
                    if (value == null) {
                        failures.add(c.id() + ": no value for " + t.metric());
                    } else if (!t.holds(value)) {
                        failures.add(String.format(Locale.ROOT, "%s: %s = %.4f", c.id(), t.metric(), value));
                    }
                }
            }
            case Gate.Regression r -> {
                for (ExperimentView.ComparisonView c : comparisons) {
                    ExperimentView.MetricDifference d = c.metrics().get(r.metric());
                    if (d == null) {
                        failures.add(c.cell() + ": no paired value for " + r.metric());
                    } else if (d.ci()[1] < -r.maxDrop()) {
                        failures.add(String.format(Locale.ROOT, "%s: %s %+.4f against %s, 95%% CI [%+.4f, %+.4f] wholly below -%s", c.cell(), r.metric(),
                                d.difference(), c.baseline(), d.ci()[0], d.ci()[1], r.maxDrop()));
                    }
                }
            }
        }
        return new ExperimentView.GateResult(gate.text(), failures.isEmpty(), List.copyOf(failures));
    }

    /** A metric by dotted path ({@code accuracy}, {@code labels.accuracy}) in a cell's metrics; null when absent. */
    static Double metric(Object metrics, String path) {
        JsonNode node = JSON.valueToTree(metrics);
        for (String part : path.split("\\.")) {
            node = node == null ? null : node.get(part);
        }
        return node != null && node.isNumber() ? node.asDouble() : null;
    }
}

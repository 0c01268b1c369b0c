package io.affectra.eval.metrics;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.ToDoubleFunction;

/**
 * One arm's scores case by case, what paired comparisons read. Cases are keyed by id, in dataset order: an item id
 * for the pair format (its two questions stay one case), the case key otherwise. Each metric maps a case id to its
 * score: 1 or 0 for a right/wrong metric ({@code binary}), any number for a graded one (a judge's 1-10). A case a
 * metric could not score (an open answer the judge left unscored) has no entry in it but is still a case.
 */
public record CaseScores(List<String> cases, List<Metric> metrics) {

    public record Metric(String name, boolean binary, Map<String, Double> byCase) {

        public Metric {
            byCase = Collections.unmodifiableMap(new LinkedHashMap<>(byCase));
            if (binary && byCase.values().stream().anyMatch(v -> v != 0 && v != 1)) {
                throw new IllegalArgumentException("right/wrong metric '" + name + "' scores a case other than 0 or 1");
            }
        }

        /** The cases both metrics scored among {@code cases}, in that order, with this and the other's scores. */
        Paired pairedWith(Metric other, List<String> cases) {
            List<String> ids = new ArrayList<>(cases.size());
            double[] mine = new double[cases.size()];
            double[] theirs = new double[cases.size()];
            for (String id : cases) {
                Double x = byCase.get(id);
                Double y = other.byCase.get(id);
                if (x != null && y != null) {
                    mine[ids.size()] = x;
                    theirs[ids.size()] = y;
                    ids.add(id);
                }
            }
            return new Paired(ids, Arrays.copyOf(mine, ids.size()), Arrays.copyOf(theirs, ids.size()));
        }
    }

    /** One metric on the cases two arms both scored: case ids and the scores of each, index by index. */
    record Paired(List<String> cases, double[] baseline, double[] other) {
    }

    private record Definition(String name, boolean binary, ToDoubleFunction<CaseResult[]> score) {
    }

    public CaseScores {
        cases = List.copyOf(cases);
        metrics = List.copyOf(metrics);
        Set<String> ids = new HashSet<>(cases);
        if (ids.size() != cases.size()) {
            throw new IllegalArgumentException("a case id appears twice");
        }
        for (Metric m : metrics) {
            if (!ids.containsAll(m.byCase().keySet())) {
                throw new IllegalArgumentException("metric '" + m.name() + "' scores a case that is not listed");
            }
        }
    }

    /** The format's metrics over stored results, cases in dataset order. */
    public static CaseScores of(DatasetFormat format, List<CaseResult> results) {
        Map<String, CaseResult[]> units = units(format, results);
        List<Metric> metrics = new ArrayList<>();
        for (Definition d : definitions(format)) {
            Map<String, Double> byCase = new LinkedHashMap<>();
            units.forEach((id, unit) -> {
                double v = d.score().applyAsDouble(unit);
                if (!Double.isNaN(v)) {
                    byCase.put(id, v);
                }
            });
            metrics.add(new Metric(d.name(), d.binary(), byCase));
        }
        return new CaseScores(new ArrayList<>(units.keySet()), metrics);
    }

    /** The named metric, or null. */
    public Metric metric(String name) {
        return metrics.stream().filter(m -> m.name().equals(name)).findFirst().orElse(null);
    }

    /** This arm's cases that the other also has, in this arm's order. */
    public List<String> sharedWith(CaseScores other) {
        Set<String> theirs = new HashSet<>(other.cases);
        return cases.stream().filter(theirs::contains).toList();
    }

    private static Map<String, CaseResult[]> units(DatasetFormat format, List<CaseResult> results) {
        Map<String, CaseResult[]> out = new LinkedHashMap<>();
        if (format == DatasetFormat.PAIR) {
            PairMetrics.pairs(results).forEach(p -> out.put(p.itemId(), new CaseResult[] {p.basic(), p.hallucination()}));
        } else {
            results.stream().sorted(Comparator.comparingInt(CaseResult::seq)).forEach(r -> out.put(r.key(), new CaseResult[] {r}));
        }
        return out;
    }

    private static List<Definition> definitions(DatasetFormat format) {
        List<Definition> out = new ArrayList<>();
        switch (format) {
            case PAIR -> {
                out.add(new Definition("overallAccuracy", true, u -> u[0].correct() && u[1].correct() ? 1 : 0));
                out.add(new Definition("basicAccuracy", true, u -> u[0].correct() ? 1 : 0));
                out.add(new Definition("hallucinatedAccuracy", true, u -> u[1].correct() ? 1 : 0));
            }
            case CHOICE, LABEL -> out.add(new Definition("accuracy", true, u -> u[0].correct() ? 1 : 0));
            case OPEN -> {
                out.add(new Definition("clueOverlap", false, u -> u[0].clueOverlap() == null ? Double.NaN : u[0].clueOverlap()));
                out.add(new Definition("labelOverlap", false, u -> u[0].labelOverlap() == null ? Double.NaN : u[0].labelOverlap()));
                out.add(new Definition("accuracy", true, u -> u[0].correct() ? 1 : 0));
            }
        }
        return out;
    }
}

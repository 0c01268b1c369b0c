package io.affectra.experiment;

import io.affectra.eval.metrics.CaseResult;
import io.affectra.eval.metrics.CaseScores;
import io.affectra.eval.metrics.DatasetFormat;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * A cell's per-case scores over its trials. With one repeat they are the evaluation's scores as they are (right/wrong
 * metrics stay binary, so McNemar applies); with several, each case's score is its mean over the repeats, a graded
 * score compared by the paired bootstrap only.
 */
final class TrialScores {

    private TrialScores() {
    }

    static CaseScores of(DatasetFormat format, List<CaseResult> trials) {
        Map<Integer, List<CaseResult>> byRepeat = new TreeMap<>();
        trials.forEach(t -> byRepeat.computeIfAbsent(t.trial().repeat(), k -> new ArrayList<>()).add(t));
        if (byRepeat.size() <= 1) {
            return CaseScores.of(format, trials);
        }
        List<CaseScores> each = byRepeat.values().stream().map(r -> CaseScores.of(format, r)).toList();
        List<String> cases = new ArrayList<>();
        each.forEach(s -> s.cases().stream().filter(c -> !cases.contains(c)).forEach(cases::add));
        List<CaseScores.Metric> metrics = new ArrayList<>();
        for (CaseScores.Metric first : each.get(0).metrics()) {
            Map<String, double[]> sums = new LinkedHashMap<>();
            for (CaseScores s : each) {
                CaseScores.Metric m = s.metric(first.name());
                if (m != null) {
                    m.byCase().forEach((c, v) -> {
                        double[] acc = sums.computeIfAbsent(c, k -> new double[2]);
                        acc[0] += v;
                        acc[1]++;
                    });
                }
            }
            Map<String, Double> mean = new LinkedHashMap<>();
            sums.forEach((c, acc) -> mean.put(c, acc[0] / acc[1]));
            metrics.add(new CaseScores.Metric(first.name(), false, mean));
        }
        return new CaseScores(cases, metrics);
    }
}

package io.affectra.eval.metrics;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** Multiple choice: accuracy (unparseable and failed answers count as wrong), with the counts and a per-category split. */
public record ChoiceMetrics(int cases, Double accuracy, int correct, int unparseable, int errors,
        @JsonInclude(JsonInclude.Include.NON_NULL) Map<String, ChoiceMetrics> byCategory) {

    public static ChoiceMetrics of(List<CaseResult> results) {
        ChoiceMetrics all = compute(results);
        Map<String, ChoiceMetrics> byCategory = null;
        if (results.stream().anyMatch(r -> r.category() != null)) {
            Map<String, List<CaseResult>> groups = new TreeMap<>();
            results.forEach(r -> groups.computeIfAbsent(r.category() == null ? "(none)" : r.category(), k -> new ArrayList<>()).add(r));
            byCategory = new LinkedHashMap<>();
            for (Map.Entry<String, List<CaseResult>> e : groups.entrySet()) {
                byCategory.put(e.getKey(), compute(e.getValue()));
            }
        }
        return new ChoiceMetrics(all.cases, all.accuracy, all.correct, all.unparseable, all.errors, byCategory);
    }

    private static ChoiceMetrics compute(List<CaseResult> results) {
        int correct = (int) results.stream().filter(CaseResult::correct).count();
        int unparseable = (int) results.stream().filter(CaseResult::unparseable).count();
        int errors = (int) results.stream().filter(CaseResult::failed).count();
        return new ChoiceMetrics(results.size(), Ratio.of(correct, results.size()), correct, unparseable, errors, null);
    }
}

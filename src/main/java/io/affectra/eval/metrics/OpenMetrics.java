package io.affectra.eval.metrics;

import java.util.List;

/**
 * Open reasoning on the EMER protocol: the judge's clue overlap and label overlap (1-10) averaged over the judged
 * cases, how many could not be judged, and plain label accuracy with the classification metrics beside it.
 */
public record OpenMetrics(int cases, int judged, int unjudged, Double clueOverlap, Double labelOverlap, int errors, LabelMetrics labels) {

    public static OpenMetrics of(List<CaseResult> results, List<String> goldOrder) {
        List<CaseResult> judged = results.stream().filter(r -> r.clueOverlap() != null && r.labelOverlap() != null).toList();
        double clue = judged.stream().mapToInt(CaseResult::clueOverlap).sum();
        double label = judged.stream().mapToInt(CaseResult::labelOverlap).sum();
        int errors = (int) results.stream().filter(CaseResult::failed).count();
        return new OpenMetrics(results.size(), judged.size(), results.size() - judged.size(), Ratio.of(clue, judged.size()),
                Ratio.of(label, judged.size()), errors, LabelMetrics.of(results, goldOrder));
    }
}

package io.affectra.eval.metrics;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;

/**
 * Classification metrics over gold labels:
 * <ul>
 * <li>accuracy = WAR (weighted average recall) = right / cases;</li>
 * <li>UAR = mean recall over the gold classes (EMO-LLaMA's FER metric, robust to class imbalance);</li>
 * <li>macroF1 = mean F1 over every label that is gold or predicted; weightedF1 = F1 per gold class weighted by its support;</li>
 * <li>confusion matrix: rows gold, columns predicted, in {@code labels} order; a failed case is predicted {@code (none)}.</li>
 * </ul>
 */
public record LabelMetrics(int cases, Double accuracy, Double uar, Double war, Double macroF1, Double weightedF1, int errors,
        List<String> labels, Map<String, Map<String, Integer>> confusion, Map<String, PerClass> perClass) {

    static final String NONE = "(none)";

    public record PerClass(int support, int predicted, Double precision, Double recall, Double f1) {
    }

    /** @param goldOrder the gold labels in dataset order (the matrix's order; predicted-only labels follow) */
    public static LabelMetrics of(List<CaseResult> results, List<String> goldOrder) {
        LinkedHashSet<String> labels = new LinkedHashSet<>(goldOrder);
        results.forEach(r -> labels.add(r.expected()));
        results.forEach(r -> labels.add(predicted(r)));
        List<String> order = new ArrayList<>(labels);
        if (order.remove(NONE)) {
            order.add(NONE);
        }
        Map<String, Map<String, Integer>> confusion = new LinkedHashMap<>();
        for (String gold : order) {
            if (results.stream().anyMatch(r -> r.expected().equals(gold))) {
                Map<String, Integer> row = new LinkedHashMap<>();
                order.forEach(p -> row.put(p, 0));
                confusion.put(gold, row);
            }
        }
        results.forEach(r -> confusion.get(r.expected()).merge(predicted(r), 1, Integer::sum));

        int n = results.size();
        int right = (int) results.stream().filter(CaseResult::correct).count();
        Map<String, PerClass> perClass = new LinkedHashMap<>();
        double recallSum = 0;
        int goldClasses = 0;
        double f1Sum = 0;
        int f1Classes = 0;
        double weighted = 0;
        for (String label : order) {
            if (label.equals(NONE)) {
                continue;
            }
            int support = (int) results.stream().filter(r -> r.expected().equals(label)).count();
            int predicted = (int) results.stream().filter(r -> label.equals(r.answer())).count();
            int tp = (int) results.stream().filter(r -> r.expected().equals(label) && label.equals(r.answer())).count();
            Double precision = Ratio.of(tp, predicted);
            Double recall = Ratio.of(tp, support);
            double p = precision == null ? 0 : precision;
            double rcl = recall == null ? 0 : recall;
            double f1 = p + rcl == 0 ? 0 : 2 * p * rcl / (p + rcl);
            perClass.put(label, new PerClass(support, predicted, precision, recall, Ratio.round(f1)));
            if (support > 0) {
                recallSum += rcl;
                goldClasses++;
                weighted += support * f1;
            }
            if (support > 0 || predicted > 0) {
                f1Sum += f1;
                f1Classes++;
            }
        }
        int errors = (int) results.stream().filter(CaseResult::failed).count();
        Double accuracy = Ratio.of(right, n);
        return new LabelMetrics(n, accuracy, Ratio.of(recallSum, goldClasses), accuracy, Ratio.of(f1Sum, f1Classes), Ratio.of(weighted, n),
                errors, order, confusion, perClass);
    }

    private static String predicted(CaseResult r) {
        return r.answer() == null ? NONE : r.answer();
    }
}

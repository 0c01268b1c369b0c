package io.affectra.eval.metrics;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * One cell against the baseline on the cases both ran. Per metric: the two means, the paired difference (cell minus
 * baseline) with the seeded bootstrap interval that {@link Comparison} uses, and for right/wrong metrics the exact
 * {@link McNemar} p and the cases that flipped. A family of cells against one baseline gets each metric's p-values
 * {@link Holm}-adjusted across the cells, so that trying many variants does not manufacture a "significant" one.
 *
 * @param cases              the cases both sides have; only these count
 * @param droppedBaselineOnly cases only the baseline has (left out)
 * @param droppedCellOnly     cases only the cell has (left out)
 */
public record BaselineComparison(String baseline, String cell, int cases, int droppedBaselineOnly, int droppedCellOnly, int samples, long seed,
        double confidence, Map<String, MetricComparison> metrics) {

    /**
     * One metric on the shared cases it scored on both sides.
     *
     * @param difference   cell minus baseline; {@code ciLow}..{@code ciHigh} is its bootstrap interval
     * @param mcNemarP     the exact McNemar p; null for a graded metric
     * @param holmP        {@code mcNemarP} Holm-adjusted across the family's cells for this metric; null outside a family
     * @param rightToWrong the case ids the baseline got right and the cell wrong, in the baseline's order; null for a
     *                     graded metric
     * @param wrongToRight the case ids the baseline got wrong and the cell right
     */
    public record MetricComparison(int cases, double baseline, double cell, double difference, double ciLow, double ciHigh, Double mcNemarP,
            Double holmP, List<String> rightToWrong, List<String> wrongToRight) {

        MetricComparison withHolmP(double adjusted) {
            return new MetricComparison(cases, baseline, cell, difference, ciLow, ciHigh, mcNemarP, adjusted, rightToWrong, wrongToRight);
        }
    }

    /** The metrics both sides have, in the baseline's order; one that no shared case has a score for on both sides is left out. */
    public static BaselineComparison of(String baseline, CaseScores base, String cell, CaseScores other, int samples, long seed, double confidence) {
        List<String> shared = base.sharedWith(other);
        Map<String, MetricComparison> out = new LinkedHashMap<>();
        for (CaseScores.Metric metric : base.metrics()) {
            CaseScores.Metric theirs = other.metric(metric.name());
            if (theirs == null) {
                continue;
            }
            CaseScores.Paired paired = metric.pairedWith(theirs, shared);
            if (!paired.cases().isEmpty()) {
                out.put(metric.name(), compare(paired, metric.binary() && theirs.binary(), samples, seed, confidence));
            }
        }
        return new BaselineComparison(baseline, cell, shared.size(), base.cases().size() - shared.size(), other.cases().size() - shared.size(),
                samples, seed, confidence, out);
    }

    /**
     * Every cell against the baseline, in the cells' order, with Holm-adjusted p-values. Each cell is resampled with
     * the same seed, so a cell's interval does not depend on which other cells are in the family.
     */
    public static List<BaselineComparison> family(String baseline, CaseScores base, Map<String, CaseScores> cells, int samples, long seed,
            double confidence) {
        List<BaselineComparison> each = new ArrayList<>();
        cells.forEach((cell, scores) -> each.add(of(baseline, base, cell, scores, samples, seed, confidence)));
        return holmAdjusted(each);
    }

    /** The comparisons with {@code holmP} set: per metric, the McNemar p-values of the cells that have one form one family. */
    public static List<BaselineComparison> holmAdjusted(List<BaselineComparison> comparisons) {
        List<Map<String, MetricComparison>> adjusted = new ArrayList<>();
        comparisons.forEach(c -> adjusted.add(new LinkedHashMap<>(c.metrics())));
        Set<String> names = new LinkedHashSet<>();
        comparisons.forEach(c -> names.addAll(c.metrics().keySet()));
        for (String name : names) {
            List<Integer> members = new ArrayList<>();
            for (int i = 0; i < comparisons.size(); i++) {
                MetricComparison m = comparisons.get(i).metrics().get(name);
                if (m != null && m.mcNemarP() != null) {
                    members.add(i);
                }
            }
            double[] holm = Holm.adjust(members.stream().mapToDouble(i -> comparisons.get(i).metrics().get(name).mcNemarP()).toArray());
            for (int j = 0; j < members.size(); j++) {
                Map<String, MetricComparison> metrics = adjusted.get(members.get(j));
                metrics.put(name, metrics.get(name).withHolmP(holm[j]));
            }
        }
        List<BaselineComparison> out = new ArrayList<>();
        for (int i = 0; i < comparisons.size(); i++) {
            BaselineComparison c = comparisons.get(i);
            out.add(new BaselineComparison(c.baseline, c.cell, c.cases, c.droppedBaselineOnly, c.droppedCellOnly, c.samples, c.seed, c.confidence,
                    adjusted.get(i)));
        }
        return out;
    }

    private static MetricComparison compare(CaseScores.Paired paired, boolean binary, int samples, long seed, double confidence) {
        Comparison.Difference d = PairedBootstrap.difference(paired.baseline(), paired.other(), samples, seed, confidence);
        if (!binary) {
            return new MetricComparison(paired.cases().size(), d.baseline(), d.strategy(), d.difference(), d.ciLow(), d.ciHigh(), null, null,
                    null, null);
        }
        List<String> rightToWrong = new ArrayList<>();
        List<String> wrongToRight = new ArrayList<>();
        for (int i = 0; i < paired.cases().size(); i++) {
            if (paired.baseline()[i] > paired.other()[i]) {
                rightToWrong.add(paired.cases().get(i));
            } else if (paired.baseline()[i] < paired.other()[i]) {
                wrongToRight.add(paired.cases().get(i));
            }
        }
        return new MetricComparison(paired.cases().size(), d.baseline(), d.strategy(), d.difference(), d.ciLow(), d.ciHigh(),
                McNemar.p(rightToWrong.size(), wrongToRight.size()), null, List.copyOf(rightToWrong), List.copyOf(wrongToRight));
    }
}

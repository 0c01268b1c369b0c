package io.affectra.eval.metrics;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;

/**
 * EmotionHallucer/VideoHallucer pair metrics, exactly as the papers define them (DESIGN.md §4), over N complete pairs
 * (2N answers):
 * <ul>
 * <li>basicAccuracy = basic questions answered right / N; hallucinatedAccuracy = hallucinated questions answered right / N;</li>
 * <li>overallAccuracy = pairs with both answers right / N (chance 25%);</li>
 * <li>yesPercentageDifference d_y = (n_yes - gt_yes) / (2 gt_yes) over all 2N answers (gt_yes = N in the standard
 * shape, one yes per pair): 0 is calibrated, &gt; 0 says yes too often;</li>
 * <li>falsePositiveRatio r_fp = fp / n_wrong, fp = "yes" where the truth is "no", n_wrong = wrong answers (unparseable
 * and failed ones included): the share of errors that are hallucinated yeses (null when nothing is wrong);</li>
 * <li>POPE's precision, recall, F1 (yes as the positive class; an unparseable answer to a yes-question is a false
 * negative) and yesRatio = n_yes / 2N.</li>
 * </ul>
 * All are fractions. Unparseable and failed answers are counted and shown, never dropped: they are wrong and not "yes".
 * Incomplete pairs (a run still going) are left out until both answers exist.
 */
@JsonInclude(JsonInclude.Include.ALWAYS)
public record PairMetrics(
        int pairs,
        int answers,
        Double basicAccuracy,
        Double hallucinatedAccuracy,
        Double overallAccuracy,
        Double yesPercentageDifference,
        Double falsePositiveRatio,
        Double precision,
        Double recall,
        Double f1,
        Double yesRatio,
        int yes,
        int groundTruthYes,
        int falsePositives,
        int wrong,
        int unparseable,
        int errors,
        @JsonInclude(JsonInclude.Include.NON_NULL) Map<String, PairMetrics> byCategory,
        @JsonInclude(JsonInclude.Include.NON_NULL) Map<String, PairMetrics> bySubcategory) {

    /** One pair's two outcomes. */
    public record Pair(String itemId, String category, String subcategory, CaseResult basic, CaseResult hallucination) {

        public boolean bothRight() {
            return basic.correct() && hallucination.correct();
        }
    }

    public static PairMetrics of(List<CaseResult> results) {
        List<Pair> pairs = pairs(results);
        PairMetrics all = compute(pairs, null, null);
        return new PairMetrics(all.pairs, all.answers, all.basicAccuracy, all.hallucinatedAccuracy, all.overallAccuracy,
                all.yesPercentageDifference, all.falsePositiveRatio, all.precision, all.recall, all.f1, all.yesRatio, all.yes,
                all.groundTruthYes, all.falsePositives, all.wrong, all.unparseable, all.errors,
                breakdown(pairs, Pair::category), breakdown(pairs, Pair::subcategory));
    }

    /** Complete pairs in dataset order. */
    public static List<Pair> pairs(List<CaseResult> results) {
        Map<String, CaseResult[]> byItem = new LinkedHashMap<>();
        results.stream().sorted(java.util.Comparator.comparingInt(CaseResult::seq)).forEach(r -> {
            CaseResult[] slot = byItem.computeIfAbsent(r.itemId(), k -> new CaseResult[2]);
            slot["basic".equals(r.role()) ? 0 : 1] = r;
        });
        List<Pair> out = new ArrayList<>();
        byItem.forEach((id, slot) -> {
            if (slot[0] != null && slot[1] != null) {
                out.add(new Pair(id, slot[0].category(), slot[0].subcategory(), slot[0], slot[1]));
            }
        });
        return out;
    }

    private static Map<String, PairMetrics> breakdown(List<Pair> pairs, Function<Pair, String> key) {
        if (pairs.stream().allMatch(p -> key.apply(p) == null)) {
            return null;
        }
        Map<String, List<Pair>> groups = new TreeMap<>();
        pairs.forEach(p -> groups.computeIfAbsent(key.apply(p) == null ? "(none)" : key.apply(p), k -> new ArrayList<>()).add(p));
        Map<String, PairMetrics> out = new LinkedHashMap<>();
        groups.forEach((k, v) -> out.put(k, compute(v, null, null)));
        return out;
    }

    static PairMetrics compute(List<Pair> pairs, Map<String, PairMetrics> byCategory, Map<String, PairMetrics> bySubcategory) {
        int n = pairs.size();
        int basicRight = 0;
        int hallucinatedRight = 0;
        int both = 0;
        int yes = 0;
        int gtYes = 0;
        int fp = 0;
        int tp = 0;
        int fn = 0;
        int wrong = 0;
        int unparseable = 0;
        int errors = 0;
        for (Pair p : pairs) {
            basicRight += p.basic().correct() ? 1 : 0;
            hallucinatedRight += p.hallucination().correct() ? 1 : 0;
            both += p.bothRight() ? 1 : 0;
            for (CaseResult r : List.of(p.basic(), p.hallucination())) {
                boolean saidYes = "yes".equals(r.answer());
                boolean truthYes = "yes".equals(r.expected());
                yes += saidYes ? 1 : 0;
                gtYes += truthYes ? 1 : 0;
                fp += saidYes && !truthYes ? 1 : 0;
                tp += saidYes && truthYes ? 1 : 0;
                fn += !saidYes && truthYes ? 1 : 0;
                wrong += r.correct() ? 0 : 1;
                unparseable += r.unparseable() ? 1 : 0;
                errors += r.failed() ? 1 : 0;
            }
        }
        Double precision = Ratio.of(tp, tp + fp);
        Double recall = Ratio.of(tp, tp + fn);
        Double f1 = precision == null || recall == null ? null : Ratio.of(2 * precision * recall, precision + recall);
        return new PairMetrics(n, 2 * n, Ratio.of(basicRight, n), Ratio.of(hallucinatedRight, n), Ratio.of(both, n),
                Ratio.of(yes - gtYes, 2.0 * gtYes), Ratio.of(fp, wrong), precision, recall, f1, Ratio.of(yes, 2.0 * n), yes, gtYes, fp,
                wrong, unparseable, errors, byCategory, bySubcategory);
    }
}

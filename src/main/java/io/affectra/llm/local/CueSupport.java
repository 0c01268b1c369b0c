package io.affectra.llm.local;

import io.affectra.cue.Cue;
import io.affectra.vocabulary.LabelSet;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Whether one measured cue supports an emotion label, by the cue-fusion weights, per cue type:
 * <ul>
 * <li>expression: kept when the classifiers rate the label above chance (p(label) &gt; 1/|labels they rate|);</li>
 * <li>action unit: kept when its fusion weight for the label is positive (EMFACS, {@code reasoning/fusion/weights.json});
 * dropped when it is negative (it argues against the label) or absent (no evidence for it);</li>
 * <li>transcript: dropped when its non-negated emotion words point only to other labels; kept otherwise;</li>
 * <li>prior (age, gender, ...): dropped, a demographic prior is never evidence for an emotion;</li>
 * <li>other types: kept, marked as not checked.</li>
 * </ul>
 * One rule for PEP-MEK's clue verification and the local backend's explain step, so that both judge a cue alike.
 */
@ApplicationScoped
public class CueSupport {

    /** Whether the cue supports the label, and why. */
    public record Check(boolean kept, String why) {
    }

    private final FusionWeights weights;
    private final CueFusion fusion;

    public CueSupport() {
        this(FusionWeights.load());
    }

    public CueSupport(FusionWeights weights) {
        this.weights = weights;
        this.fusion = new CueFusion(weights);
    }

    public Check check(Cue cue, String label, LabelSet labels) {
        return switch (cue.type()) {
            case EXPRESSION -> expression(cue, label);
            case ACTION_UNIT -> actionUnit(cue, label);
            case TRANSCRIPT -> transcript(cue, label, labels);
            case PRIOR -> new Check(false, "a demographic prior is never evidence for an emotion");
            default -> new Check(true, "not checked (no verification rule for cue type '" + cue.type() + "')");
        };
    }

    private static Check expression(Cue cue, String label) {
        Map<String, Double> values = cue.values();
        double p = values.isEmpty() ? (label.equals(cue.label()) ? cue.score() : 0) : values.getOrDefault(label, 0.0);
        double chance = values.isEmpty() ? 0.5 : 1.0 / values.size();
        if (label.equals(cue.label()) || p > chance) {
            return new Check(true, String.format(Locale.ROOT, "the expression classifiers rate %s %.2f (top: %s %.2f)",
                    label, p, cue.label(), cue.score()));
        }
        return new Check(false, String.format(Locale.ROOT, "the expression classifiers read %s %.2f and rate %s only %.2f (chance %.2f)", cue.label(), cue.score(), label, p, chance));
    }

    private Check actionUnit(Cue cue, String label) {
        Map<String, Double> auWeights = weights.actionUnits().get(cue.label());
        double w = auWeights == null ? 0 : auWeights.getOrDefault(label, 0.0);
        if (w > 0) {
            return new Check(true, String.format(Locale.ROOT, "%s (intensity %.2f) is evidence for %s (EMFACS weight %+.1f)",
                    cue.label(), cue.score(), label, w));
        }
        if (w < 0) {
            return new Check(false, String.format(Locale.ROOT, "%s (intensity %.2f) argues against %s (EMFACS weight %+.1f)",
                    cue.label(), cue.score(), label, w));
        }
        return new Check(false, String.format(Locale.ROOT, "%s carries no evidence for %s in the fusion weights", cue.label(), label));
    }

    private Check transcript(Cue cue, String label, LabelSet labels) {
        Map<String, List<String>> hits = fusion.hits(cue.label(), labels);
        if (hits.containsKey(label)) {
            return new Check(true, "the transcript has words for " + label + ": " + String.join(", ", hits.get(label)));
        }
        if (!hits.isEmpty()) {
            return new Check(false, "the transcript's emotion words point elsewhere: " + hits.entrySet().stream()
                    .map(e -> e.getKey() + " (" + String.join(", ", e.getValue()) + ")").reduce((a, b) -> a + ", " + b).orElse(""));
        }
        return new Check(true, "the transcript has no lexicon word either way; it is context, not contradicted");
    }
}

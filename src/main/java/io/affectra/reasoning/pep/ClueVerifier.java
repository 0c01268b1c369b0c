package io.affectra.reasoning.pep;

import io.affectra.cue.Cue;
import io.affectra.cue.CueSet;
import io.affectra.knowledge.KnowledgeHit;
import io.affectra.llm.fusion.CueFusion;
import io.affectra.llm.fusion.FusionWeights;
import io.affectra.reasoning.ClueVerification;
import io.affectra.reasoning.ClueVerification.Verdict;
import io.affectra.vocabulary.LabelSet;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * PEP-MEK's verification of cited clues, done by Affectra rather than by the model: every cue id an answer cites must
 * exist in the analysis and its measurement must support the stated emotion; every fact id must be one of the facts
 * retrieved for the request. The rules, per cue type:
 * <ul>
 * <li>expression: kept when the classifiers rate the label above chance (p(label) &gt; 1/|labels they rate|);</li>
 * <li>action unit: kept when its fusion weight for the label is positive (EMFACS, {@code reasoning/fusion/weights.json});
 * dropped when it is negative (it argues against the label) or absent (no evidence for it);</li>
 * <li>transcript: dropped when its non-negated emotion words point only to other labels; kept otherwise;</li>
 * <li>prior (age, gender, ...): dropped, a demographic prior is never evidence for an emotion;</li>
 * <li>other types: kept, marked as not checked.</li>
 * </ul>
 */
@ApplicationScoped
public class ClueVerifier {

    private final FusionWeights weights;
    private final CueFusion fusion;

    public ClueVerifier() {
        this(FusionWeights.load());
    }

    ClueVerifier(FusionWeights weights) {
        this.weights = weights;
        this.fusion = new CueFusion(weights);
    }

    /** Verifies the clues cited for an emotion label. */
    public ClueVerification verifyEmotion(String label, Collection<String> citedCues, Collection<String> citedFacts, CueSet cues,
            LabelSet labels, List<KnowledgeHit> facts) {
        List<Verdict> kept = new ArrayList<>();
        List<Verdict> dropped = new ArrayList<>();
        for (String id : new LinkedHashSet<>(citedCues)) {
            Optional<Cue> cue = cues.byId(id);
            if (cue.isEmpty()) {
                dropped.add(new Verdict(id, "cue", "no cue with this id was measured in this media"));
                continue;
            }
            Check check = supports(cue.get(), label, labels);
            (check.kept() ? kept : dropped).add(new Verdict(id, "cue", check.why()));
        }
        facts(citedFacts, facts, kept, dropped);
        return new ClueVerification(kept, dropped);
    }

    /** Verifies the clues cited for an answer to a closed question: cues must exist and be evidence; facts retrieved. */
    public ClueVerification verifyQuestion(Collection<String> citedCues, Collection<String> citedFacts, CueSet cues, List<KnowledgeHit> facts) {
        List<Verdict> kept = new ArrayList<>();
        List<Verdict> dropped = new ArrayList<>();
        for (String id : new LinkedHashSet<>(citedCues)) {
            Optional<Cue> cue = cues.byId(id);
            if (cue.isEmpty()) {
                dropped.add(new Verdict(id, "cue", "no cue with this id was measured in this media"));
            } else if (cue.get().type().equals("prior")) {
                dropped.add(new Verdict(id, "cue", "a demographic prior is not evidence about emotions"));
            } else {
                kept.add(new Verdict(id, "cue", "measured: " + summary(cue.get())));
            }
        }
        facts(citedFacts, facts, kept, dropped);
        return new ClueVerification(kept, dropped);
    }

    private static void facts(Collection<String> cited, List<KnowledgeHit> facts, List<Verdict> kept, List<Verdict> dropped) {
        for (String id : new LinkedHashSet<>(cited)) {
            Optional<KnowledgeHit> hit = facts.stream().filter(f -> f.id().equals(id)).findFirst();
            if (hit.isPresent()) {
                kept.add(new Verdict(id, "fact", String.format(Locale.ROOT, "retrieved for this request (similarity %.2f; %s)",
                        hit.get().score(), hit.get().source())));
            } else {
                dropped.add(new Verdict(id, "fact", "not one of the facts retrieved for this request"));
            }
        }
    }

    /** Whether one cue supports a label, and why. */
    public record Check(boolean kept, String why) {
    }

    public Check supports(Cue cue, String label, LabelSet labels) {
        return switch (cue.type()) {
            case "expression" -> expression(cue, label);
            case "action-unit" -> actionUnit(cue, label);
            case "transcript" -> transcript(cue, label, labels);
            case "prior" -> new Check(false, "a demographic prior is never evidence for an emotion");
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

    private static String summary(Cue cue) {
        return String.format(Locale.ROOT, "%s %s %.2f", cue.type(), cue.label(), cue.score());
    }
}

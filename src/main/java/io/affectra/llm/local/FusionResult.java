package io.affectra.llm.local;

import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The outcome of fusing a cue set over a label set.
 *
 * @param logits        per label, in label-set order
 * @param probabilities per label, in label-set order, summing to 1
 * @param contributions what each contributing cue added to each label's logit, in cue order
 */
public record FusionResult(Map<String, Double> logits, Map<String, Double> probabilities, List<Contribution> contributions) {

    /**
     * One cue's share of the evidence.
     *
     * @param summary a short human-readable statement of the evidence, e.g. {@code expression happiness 0.90}
     * @param effect  what it added to each label's logit (labels it did not touch are absent)
     */
    public record Contribution(String cueId, String summary, Map<String, Double> effect) {

        public Contribution {
            effect = Collections.unmodifiableMap(new LinkedHashMap<>(effect));
        }

        public double on(String label) {
            return effect.getOrDefault(label, 0.0);
        }

        /** How much it moved the logits in all, whatever the direction. */
        public double magnitude() {
            return effect.values().stream().mapToDouble(Math::abs).sum();
        }
    }

    public FusionResult {
        logits = Collections.unmodifiableMap(new LinkedHashMap<>(logits));
        probabilities = Collections.unmodifiableMap(new LinkedHashMap<>(probabilities));
        contributions = List.copyOf(contributions);
    }

    /** False when no cue moved any logit: the answer then rests on the biases alone. */
    public boolean hasEvidence() {
        return contributions.stream().anyMatch(c -> c.effect().values().stream().anyMatch(v -> v != 0.0));
    }

    /** The most probable label; ties go to the label listed first. */
    public String top() {
        String best = null;
        for (Map.Entry<String, Double> e : probabilities.entrySet()) {
            if (best == null || e.getValue() > probabilities.get(best)) {
                best = e.getKey();
            }
        }
        return best;
    }

    /** The contributions that raised {@code label} most, strongest first (ties in cue order). */
    public List<Contribution> strongestFor(String label, int limit) {
        return contributions.stream()
                .filter(c -> c.on(label) > 0)
                .sorted(Comparator.comparingDouble((Contribution c) -> c.on(label)).reversed())
                .limit(limit)
                .toList();
    }
}

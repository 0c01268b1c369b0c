package io.affectra.experiment;

import io.affectra.cue.Ablation;
import io.affectra.llm.Sampling;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * One cell of an experiment: a variant, a backend (and its model), a strategy, sampling parameters and an ablation.
 * Cells are numbered in declaration order ({@code c1} is the first variant, backend, strategy and parameters with
 * nothing ablated), so a spec's {@code baseline} can name one before the run.
 */
public record Cell(String id, ResolvedVariant variant, String backend, String model, String strategy, Sampling sampling, Ablation ablation,
        boolean cacheable) {

    /** A readable name: {@code emotion/direct@1 | local | direct | t=0.2 | -face}. */
    public String label() {
        return label(true);
    }

    /** The label without the backend: what the cell sends, whoever answers it ({@code emotion/direct@1 | direct | -face}). */
    public String promptLabel() {
        return label(false);
    }

    private String label(boolean withBackend) {
        List<String> parts = new ArrayList<>(withBackend ? List.of(variant.name(), backend, strategy) : List.of(variant.name(), strategy));
        if (sampling.temperature() != null) {
            parts.add(String.format(Locale.ROOT, "t=%s", sampling.temperature()));
        }
        if (sampling.seed() != null) {
            parts.add("seed=" + sampling.seed());
        }
        if (sampling.maxTokens() != null) {
            parts.add("max_tokens=" + sampling.maxTokens());
        }
        if (!ablation.isNone()) {
            parts.add(ablation.name());
        }
        return String.join(" | ", parts);
    }
}

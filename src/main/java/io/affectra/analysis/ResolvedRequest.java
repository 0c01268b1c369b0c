package io.affectra.analysis;

import io.affectra.reasoning.Strategy;
import io.affectra.vocabulary.LabelSet;

/** A request's options checked and filled in with defaults, before any model runs. */
public record ResolvedRequest(Strategy strategy, String backend, LabelSet labels, String transcript, boolean deidentify,
        boolean facialPriors) {

    public String transcriptOrNull() {
        return transcript.isEmpty() ? null : transcript;
    }
}

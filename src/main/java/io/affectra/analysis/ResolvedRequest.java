package io.affectra.analysis;

import io.affectra.reasoning.Strategy;
import io.affectra.vocabulary.LabelSet;

/**
 * A request's options checked and filled in with defaults, before any model runs.
 *
 * @param transcribe who hears a clip's speech: {@code auto}, {@code never} or a transcription backend's name
 */
public record ResolvedRequest(Strategy strategy, String backend, LabelSet labels, String transcript, boolean deidentify,
        boolean facialPriors, String transcribe) {

    public String transcriptOrNull() {
        return transcript.isEmpty() ? null : transcript;
    }
}

package io.affectra.reasoning.pep;

import io.affectra.cue.Cue;
import io.affectra.cue.CueSet;
import java.util.LinkedHashSet;
import java.util.Set;

/** The retrieval query for emotion knowledge: the question itself, or for an emotion answer what the cues measured. */
final class KnowledgeQuery {

    private static final int TRANSCRIPT_CHARS = 200;

    private KnowledgeQuery() {
    }

    static String forQuestion(String question) {
        return question;
    }

    /**
     * E.g. "Which emotion do these signals express: facial expression happiness, lip corner pull, mouth open"; empty
     * when no cue carries emotion evidence (nothing to ask the knowledge base).
     */
    static String forCues(CueSet cues) {
        Set<String> parts = new LinkedHashSet<>();
        for (Cue cue : cues.cues()) {
            switch (cue.type()) {
                case EXPRESSION -> parts.add("facial expression " + cue.label());
                case ACTION_UNIT -> parts.add(cue.label().replace('_', ' '));
                case TRANSCRIPT -> parts.add("words: " + (cue.label().length() > TRANSCRIPT_CHARS
                        ? cue.label().substring(0, TRANSCRIPT_CHARS) : cue.label()));
                default -> {
                    // priors and unknown types say nothing about emotions
                }
            }
        }
        return parts.isEmpty() ? "" : "Which emotion do these signals express: " + String.join(", ", parts);
    }
}

package io.affectra.prompt.context;

import io.affectra.prompt.PromptContext;
import io.quarkus.qute.TemplateData;

/**
 * {@code pep-mek/*}: the steps of PEP-MEK. Modality knowledge is the measured cue text, emotion knowledge the retrieved
 * facts ({@code facts}, one per line led by its id, or empty when none were retrieved); both are in every step.
 * {@code answerKind} is {@code emotion}, {@code yes-no} or {@code choice}.
 */
public interface PepMekPrompts {

    /** {@code pep-mek/answer}: the first answer over both kinds of knowledge. */
    @TemplateData
    record Answer(String question, String answerKind, String choices, String labels, String cues, int faceCount, String transcript,
            String facts, String schema) implements PromptContext {
    }

    /** {@code pep-mek/explain}: each claim of the first answer, checked against the cues and the facts. */
    @TemplateData
    record Explain(String question, String cues, int faceCount, String transcript, String facts, String initial, String schema)
            implements PromptContext {
    }

    /** {@code pep-mek/final}: the answer again, given the first answer and its check. */
    @TemplateData
    record Final(String question, String answerKind, String choices, String labels, String cues, int faceCount, String transcript,
            String facts, String initial, String explanation, String schema) implements PromptContext {
    }
}

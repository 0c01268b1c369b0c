package io.affectra.prompt.context;

import io.affectra.prompt.PromptContext;
import io.quarkus.qute.TemplateData;

/**
 * {@code pep/*}: the steps of Self-PEP. Each step's context holds what the loop knows at that step: the answer step has
 * the description but no first answer yet, and none of them has the measured cues after the description replaced them.
 * {@code answerKind} is {@code emotion}, {@code yes-no} or {@code choice}; {@code labels} and {@code choices} are empty
 * where the kind has none.
 */
public interface PepPrompts {

    /** {@code pep/describe}: the evidence, to be described in the backend's own words. */
    @TemplateData
    record Describe(String question, String cues, int faceCount, String transcript, String schema) implements PromptContext {
    }

    /** {@code pep/answer}: the first answer, from the description. */
    @TemplateData
    record Answer(String question, String answerKind, String choices, String labels, String description, String transcript,
            String schema) implements PromptContext {
    }

    /** {@code pep/explain}: the first answer, checked against the description. */
    @TemplateData
    record Explain(String question, String description, String initial, String schema) implements PromptContext {
    }

    /** {@code pep/final}: the answer again, given the description, the first answer and its check. */
    @TemplateData
    record Final(String question, String answerKind, String choices, String labels, String description, String initial,
            String explanation, String schema) implements PromptContext {
    }
}

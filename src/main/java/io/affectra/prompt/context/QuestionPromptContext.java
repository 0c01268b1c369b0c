package io.affectra.prompt.context;

import io.affectra.prompt.PromptContext;
import io.quarkus.qute.TemplateData;

/**
 * {@code question/*}: one pass to a closed question's answer.
 *
 * @param answerKind {@code yes-no} or {@code choice}
 * @param choices    the lettered options, one per line ({@code A) ...}), or empty for yes/no
 */
@TemplateData
public record QuestionPromptContext(String question, String answerKind, String choices, String cues, int faceCount, String transcript,
        String schema) implements PromptContext {
}

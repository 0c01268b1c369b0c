package io.affectra.prompt.context;

import io.affectra.prompt.PromptContext;
import io.quarkus.qute.TemplateData;

/**
 * {@code emotion/*}: one pass from the cues to an emotion answer.
 *
 * @param cues       the cue set as text, one cue per line led by its id
 * @param labels     the label set, comma-separated
 * @param transcript what was said, or empty
 * @param schema     the answer's JSON schema
 */
@TemplateData
public record EmotionPromptContext(String cues, String labels, String transcript, String schema, int faceCount) implements PromptContext {
}

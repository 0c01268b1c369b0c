package io.affectra.reasoning;

import io.affectra.prompt.PromptRef;
import io.affectra.vocabulary.StepName;

/**
 * One step of a strategy, as it happened: which template, the user prompt it rendered (cue text and facts included),
 * what the backend replied, and what the reply was read as.
 *
 * @param step   which step ({@code knowledge}, {@code describe}, {@code answer}, {@code explain}, {@code final} on the wire)
 * @param prompt the rendered user message (the system message is fixed by the template and its hash)
 * @param reply  the backend's reply, exactly as sent
 * @param parsed what the reply was read as ({@code yes}, {@code happiness}, ...), or null for free-text steps
 */
public record ReasoningStep(StepName step, PromptRef template, String prompt, String reply, String parsed, int promptTokens,
        int completionTokens, long backendMillis) {
}

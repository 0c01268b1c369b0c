package io.affectra.api.openai;

import io.affectra.prompt.PromptRef;

/**
 * An assistant message produced inside Affectra ({@code answer} mode: a strategy's emotion answer).
 *
 * @param finishReason {@code stop}, or {@code length} when {@code max_tokens} cut it
 * @param cueTokens    estimated tokens of the cue text the answer rests on
 * @param backendNanos time spent in the backend the strategy asked
 * @param strategy     the strategy that answered
 * @param template     the template of its (final) answer step: the prompt variant when the request chose one
 */
public record AnswerReply(String content, String finishReason, long promptTokens, long completionTokens, long cueTokens,
        String backend, long backendNanos, String strategy, PromptRef template) {
}

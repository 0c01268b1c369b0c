package io.affectra.reasoning;

import io.affectra.llm.CompletionCache;
import io.affectra.llm.Sampling;
import io.affectra.prompt.PromptOverrides;

/**
 * How a strategy's steps ask, beyond what they ask: templates in place of the shipped ones (an experiment's variant),
 * sampling parameters over the backend's, and where replies may be reused. {@link #DEFAULT} for analyses and chat.
 */
public record CallSettings(PromptOverrides prompts, Sampling sampling, CompletionCache cache) {

    public static final CallSettings DEFAULT = new CallSettings(PromptOverrides.NONE, Sampling.DEFAULT, CompletionCache.NONE);

    public CallSettings {
        prompts = prompts == null ? PromptOverrides.NONE : prompts;
        sampling = sampling == null ? Sampling.DEFAULT : sampling;
        cache = cache == null ? CompletionCache.NONE : cache;
    }

    public CallSettings withCache(CompletionCache value) {
        return new CallSettings(prompts, sampling, value);
    }
}

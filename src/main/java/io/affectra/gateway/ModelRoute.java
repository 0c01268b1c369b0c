package io.affectra.gateway;

import io.affectra.llm.BackendKind;
import io.affectra.prompt.PromptOverrides;

/**
 * What a model id of the chat surface resolves to.
 *
 * @param upstreamModel the model name sent to the backend (for {@code local}: the reasoner's description)
 * @param cues          whether media parts go through the encoders and their cues into the conversation
 * @param prompt        the cue-context template
 * @param strategy      the strategy of {@link ChatMode#ANSWER} mode
 * @param passThrough   an automatic {@code <backend>/<model>} id: the conversation goes through unchanged
 * @param prompts       templates rendered in place of the shipped ones (a prompt variant the request chose); none by
 *                      default
 */
public record ModelRoute(
        String id,
        String backend,
        BackendKind kind,
        String upstreamModel,
        ChatMode mode,
        boolean cues,
        String prompt,
        String strategy,
        boolean facialPriors,
        boolean deidentify,
        String description,
        boolean passThrough,
        PromptOverrides prompts) {

    public ModelRoute {
        prompts = prompts == null ? PromptOverrides.NONE : prompts;
    }

    /** This route with {@code value} rendered in place of the shipped templates. */
    public ModelRoute withPrompts(PromptOverrides value) {
        return new ModelRoute(id, backend, kind, upstreamModel, mode, cues, prompt, strategy, facialPriors, deidentify, description,
                passThrough, value);
    }

    /** Who a model "belongs to" in {@code GET /v1/models}: Affectra for its pipelines, the backend for pass-through ids. */
    public String ownedBy() {
        return passThrough ? backend : "affectra";
    }
}

package io.affectra.llm;

import io.affectra.cue.CueSet;
import io.affectra.vocabulary.LabelSet;
import java.util.List;
import java.util.Map;

/**
 * What a strategy asks a backend.
 *
 * @param messages   the assembled prompt (system + user, cue text included)
 * @param jsonSchema the JSON schema the reply must follow (an object schema as nested maps)
 * @param schemaName a short name for the schema, sent with it
 * @param cues       the structured cues behind the prompt text (the offline reasoner reads them directly)
 * @param labels     the label set the answer must use (null for questions and free-text steps)
 * @param task       what the prompt asks, in structured form, when it is not an emotion answer (a question, a
 *                   reasoning step, a judgement); null for an emotion answer. LLM backends read the prompt text only.
 * @param sampling   sampling parameters over the backend's own ({@link Sampling#DEFAULT}: the backend's)
 */
public record BackendRequest(
        List<PromptMessage> messages,
        Map<String, Object> jsonSchema,
        String schemaName,
        CueSet cues,
        LabelSet labels,
        BackendTask task,
        Sampling sampling) {

    public BackendRequest {
        messages = List.copyOf(messages);
        sampling = sampling == null ? Sampling.DEFAULT : sampling;
    }

    /** With the backend's own sampling. */
    public BackendRequest(List<PromptMessage> messages, Map<String, Object> jsonSchema, String schemaName, CueSet cues, LabelSet labels,
            BackendTask task) {
        this(messages, jsonSchema, schemaName, cues, labels, task, Sampling.DEFAULT);
    }

    /** An emotion-answer request (no task). */
    public BackendRequest(List<PromptMessage> messages, Map<String, Object> jsonSchema, String schemaName, CueSet cues, LabelSet labels) {
        this(messages, jsonSchema, schemaName, cues, labels, null);
    }

    public BackendRequest withMessages(List<PromptMessage> more) {
        return new BackendRequest(more, jsonSchema, schemaName, cues, labels, task, sampling);
    }

    public BackendRequest withSampling(Sampling value) {
        return new BackendRequest(messages, jsonSchema, schemaName, cues, labels, task, value);
    }
}

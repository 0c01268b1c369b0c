package io.affectra.llm;

import io.affectra.vocabulary.EmotionAnswer;
import java.util.List;

/**
 * One answered question to a backend, with what it cost.
 *
 * @param attempts         how many replies it took (1 + re-asks after invalid answers)
 * @param promptTokens     summed over the attempts
 * @param completionTokens summed over the attempts
 * @param backendMillis    time spent waiting for the backend, summed over the attempts
 * @param reply            the raw text of the reply the answer was read from (null where not kept)
 */
public record AnsweredCall(
        String backend,
        BackendKind kind,
        String model,
        EmotionAnswer answer,
        List<String> unknownCueIds,
        int attempts,
        int promptTokens,
        int completionTokens,
        long backendMillis,
        String reply) {

    public AnsweredCall {
        unknownCueIds = List.copyOf(unknownCueIds);
    }

    public AnsweredCall(String backend, BackendKind kind, String model, EmotionAnswer answer, List<String> unknownCueIds, int attempts,
            int promptTokens, int completionTokens, long backendMillis) {
        this(backend, kind, model, answer, unknownCueIds, attempts, promptTokens, completionTokens, backendMillis, null);
    }
}

package io.affectra.llm;

import io.affectra.vocabulary.EmotionAnswer;
import java.util.List;

/**
 * A parsed reply.
 *
 * @param answer        the answer, citing only cue ids of the request's cue set
 * @param unknownCueIds ids the reply cited that the cue set does not have (left out of the answer): a sign of invention
 */
public record ParsedAnswer(EmotionAnswer answer, List<String> unknownCueIds) {

    public ParsedAnswer {
        unknownCueIds = List.copyOf(unknownCueIds);
    }
}

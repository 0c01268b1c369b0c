package io.affectra.reasoning;

import io.affectra.knowledge.KnowledgeHit;
import io.affectra.llm.AnsweredCall;
import io.affectra.prompt.PromptRef;
import io.affectra.vocabulary.EmotionAnswer;
import java.util.List;

/**
 * A strategy's answer, the template it rendered and the backend call(s) it made.
 *
 * @param prompt        the template of the (final) answer step
 * @param call          the (final) answer with the cost of all calls summed; {@code attempts} counts every call
 * @param unknownCueIds ids the backend cited that are not in the cue set (dropped from the answer)
 * @param knowledge     facts retrieved as emotion knowledge (PEP-MEK), else empty
 * @param verification  cited clues kept and dropped with reasons (PEP-MEK), else null
 * @param steps         every step in order (single-pass strategies: the one answer step)
 */
public record StrategyResult(EmotionAnswer answer, PromptRef prompt, AnsweredCall call, List<String> unknownCueIds,
        List<KnowledgeHit> knowledge, ClueVerification verification, List<ReasoningStep> steps) {

    public StrategyResult {
        unknownCueIds = unknownCueIds == null ? List.of() : List.copyOf(unknownCueIds);
        knowledge = knowledge == null ? List.of() : List.copyOf(knowledge);
        steps = steps == null ? List.of() : List.copyOf(steps);
    }

    /** A single-pass result. */
    public StrategyResult(EmotionAnswer answer, PromptRef prompt, AnsweredCall call, List<String> unknownCueIds) {
        this(answer, prompt, call, unknownCueIds, List.of(), null, List.of());
    }
}

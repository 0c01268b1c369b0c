package io.affectra.llm;

import io.affectra.knowledge.KnowledgeHit;
import io.affectra.vocabulary.StepName;
import java.util.List;

/**
 * What a prompt asks, in structured form, for backends that read structure rather than text (the offline
 * {@code local} baseline). LLM backends ignore it: the same content is in the prompt text.
 */
public sealed interface BackendTask {

    /** The step of a strategy that produced the request: {@code answer}, {@code describe}, {@code explain}, {@code final}. */
    StepName step();

    /**
     * A closed question.
     *
     * @param choices  empty for a yes/no question; else the options, answered by letter (A, B, ...)
     * @param facts    emotion knowledge given with the question (PEP-MEK), possibly empty
     * @param previous the earlier steps' replies (description, initial answer, explanation), possibly empty
     */
    record Question(StepName step, String question, List<String> choices, List<KnowledgeHit> facts, List<String> previous)
            implements BackendTask {

        public Question {
            choices = choices == null ? List.of() : List.copyOf(choices);
            facts = facts == null ? List.of() : List.copyOf(facts);
            previous = previous == null ? List.of() : List.copyOf(previous);
        }

        public boolean yesNo() {
            return choices.isEmpty();
        }
    }

    /**
     * A free-text reasoning step (describe the evidence; explain and verify an answer).
     *
     * @param question the question being worked on (for an emotion answer: which emotion is expressed)
     * @param previous the earlier steps' replies, the answer to explain last
     */
    record Step(StepName step, String question, List<KnowledgeHit> facts, List<String> previous) implements BackendTask {

        public Step {
            facts = facts == null ? List.of() : List.copyOf(facts);
            previous = previous == null ? List.of() : List.copyOf(previous);
        }
    }

    /** Judging an open answer against a reference answer on the EMER protocol (clue and label overlap, 1 to 10). */
    record Judge(String referenceLabel, String referenceReasoning, String label, String reasoning) implements BackendTask {

        @Override
        public StepName step() {
            return StepName.JUDGE;
        }
    }
}

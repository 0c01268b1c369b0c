package io.affectra.reasoning.pep;

import io.affectra.knowledge.KnowledgeHit;
import io.affectra.llm.AnsweredCall;
import io.affectra.llm.QuestionReply;
import io.affectra.prompt.PromptContext;
import io.affectra.reasoning.ClueVerification;
import io.affectra.reasoning.QuestionInput;
import io.affectra.reasoning.StrategyInput;
import io.affectra.vocabulary.EmotionAnswer;
import io.affectra.vocabulary.StepName;
import java.util.ArrayList;
import java.util.List;

/**
 * One strategy's steps through the {@link PredictExplainPredict} loop: how it grounds the answer, the prompt context of
 * each step (rendered from {@code <task>/<step>.md}), and what it checks in the final answer.
 *
 * @param task the templates' task: {@code pep} renders {@code pep/describe}, {@code pep/answer}, ...
 */
record LoopSteps(String task, Grounding grounding, AnswerPrompt answer, ExplainPrompt explain, FinalPrompt finalAnswer,
        Verification verification) {

    String template(StepName step) {
        return task + "/" + step.wire();
    }

    /** The templates one walk renders, in order: the description when the loop grounds on one, then answer, explain, final. */
    List<String> templates() {
        List<String> out = new ArrayList<>();
        if (grounding instanceof Grounding.Describe) {
            out.add(template(StepName.DESCRIBE));
        }
        out.add(template(StepName.ANSWER));
        out.add(template(StepName.EXPLAIN));
        out.add(template(StepName.FINAL));
        return List.copyOf(out);
    }

    /** The first step: what the answer stands on. */
    sealed interface Grounding {

        /** The backend describes the evidence in its own words; the description is the footing from then on. */
        record Describe(DescribePrompt prompt) implements Grounding {
        }

        /** Emotion knowledge is retrieved for the question (or for what the cues measured); no backend call. */
        record Knowledge() implements Grounding {
        }
    }

    @FunctionalInterface
    interface DescribePrompt {
        PromptContext of(Subject subject, String schema);
    }

    @FunctionalInterface
    interface AnswerPrompt {
        PromptContext of(Grounds grounds, String schema);
    }

    @FunctionalInterface
    interface ExplainPrompt {
        PromptContext of(Grounds grounds, String initial, String schema);
    }

    @FunctionalInterface
    interface FinalPrompt {
        PromptContext of(Grounds grounds, String initial, String explanation, String schema);
    }

    /** What the strategy checks in the final answer; {@link #NONE} keeps it as the backend said it. */
    interface Verification {

        Verification NONE = new Verification() {
            @Override
            public Verified emotion(EmotionAnswer said, AnsweredCall last, StrategyInput input, List<KnowledgeHit> facts) {
                return new Verified(said, null);
            }

            @Override
            public ClueVerification question(QuestionReply reply, QuestionInput input, List<KnowledgeHit> facts) {
                return null;
            }
        };

        /** The final emotion answer as kept, and what was checked. */
        Verified emotion(EmotionAnswer said, AnsweredCall last, StrategyInput input, List<KnowledgeHit> facts);

        /** What was checked in the final reply to a closed question, or null. */
        ClueVerification question(QuestionReply reply, QuestionInput input, List<KnowledgeHit> facts);
    }

    /** @param verification what was checked, or null */
    record Verified(EmotionAnswer answer, ClueVerification verification) {
    }
}

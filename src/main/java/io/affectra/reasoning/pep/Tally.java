package io.affectra.reasoning.pep;

import io.affectra.llm.AnsweredCall;
import io.affectra.reasoning.ReasoningStep;
import io.affectra.vocabulary.EmotionAnswer;
import java.util.ArrayList;
import java.util.List;

/** The steps of one loop in order, and what they cost together. */
final class Tally {

    private final List<ReasoningStep> steps = new ArrayList<>();
    private int calls;
    private int promptTokens;
    private int completionTokens;
    private long backendMillis;

    /** A step that called the backend {@code calls} times. */
    void add(ReasoningStep step, int calls) {
        steps.add(step);
        this.calls += calls;
        promptTokens += step.promptTokens();
        completionTokens += step.completionTokens();
        backendMillis += step.backendMillis();
    }

    /** An emotion-answer step: its tokens are the call's, summed over re-asks. */
    void add(ReasoningStep step, AnsweredCall call) {
        add(step, call.attempts());
    }

    List<ReasoningStep> steps() {
        return List.copyOf(steps);
    }

    int calls() {
        return calls;
    }

    int promptTokens() {
        return promptTokens;
    }

    int completionTokens() {
        return completionTokens;
    }

    long backendMillis() {
        return backendMillis;
    }

    /** The final answer's call, carrying the whole loop's cost (attempts = every backend call of the loop). */
    AnsweredCall total(AnsweredCall last, EmotionAnswer answer, List<String> unknownCueIds) {
        return new AnsweredCall(last.backend(), last.kind(), last.model(), answer, unknownCueIds, calls, promptTokens, completionTokens,
                backendMillis, last.reply());
    }
}

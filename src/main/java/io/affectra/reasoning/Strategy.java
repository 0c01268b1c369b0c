package io.affectra.reasoning;

import java.util.List;
import java.util.Optional;

/**
 * How an answer is reached from cues: one pass, a facial-priors prompt, or a multi-step loop (PEP-MEK).
 * Strategies are CDI beans; the registry finds them by id.
 */
public interface Strategy {

    String id();

    String description();

    /** Whether the strategy needs facial priors computed (EMO-LLaMA). */
    default boolean wantsFacialPriors() {
        return false;
    }

    /** Whether the strategy works without faces by design (DEEMO): it turns de-identified mode on. */
    default boolean requiresDeidentified() {
        return false;
    }

    /**
     * The templates it renders, one per backend call, in order: for closed questions when {@code questions}, else for
     * an emotion answer. What an experiment's variant can replace, and how many calls a trial makes.
     */
    List<String> templates(boolean questions);

    /**
     * The one template its emotion answer renders ({@code emotion/direct}), where a single template makes the whole
     * answer: a prompt variant of the same task can take its place. Empty for loops whose steps each render a template
     * of their own (PEP), where one variant would replace nothing.
     */
    default Optional<String> answerTemplate() {
        List<String> rendered = templates(false);
        return rendered.size() == 1 ? Optional.of(rendered.get(0)) : Optional.empty();
    }

    /** An emotion answer (label, probabilities, reasoning, cited cues) over the input's cues. */
    StrategyResult run(StrategyInput input);

    /** Whether {@link #ask} answers closed questions (yes/no, multiple choice). */
    default boolean answersQuestions() {
        return false;
    }

    /**
     * A closed question (yes/no or multiple choice) over the input's cues.
     *
     * @throws UnsupportedStrategyException when the strategy only gives emotion answers
     */
    default QuestionResult ask(QuestionInput input) {
        throw new UnsupportedStrategyException(id(), "closed questions");
    }
}

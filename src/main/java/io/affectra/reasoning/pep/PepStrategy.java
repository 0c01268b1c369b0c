package io.affectra.reasoning.pep;

import io.affectra.prompt.PromptContext;
import io.affectra.prompt.context.PepPrompts;
import io.affectra.reasoning.AnswerSpace;
import io.affectra.reasoning.EvidenceText;
import io.affectra.reasoning.QuestionInput;
import io.affectra.reasoning.QuestionResult;
import io.affectra.reasoning.Strategy;
import io.affectra.reasoning.StrategyInput;
import io.affectra.reasoning.StrategyResult;
import jakarta.inject.Singleton;

/**
 * Self-PEP, the VideoHallucer loop: the backend (1) describes the evidence in its own words, (2) answers from its
 * description, (3) explains its answer and verifies each claim against the description, (4) answers again. It gets no
 * outside knowledge and its description replaces the measured cues from step 2 on: the paper's baseline that
 * {@code pep-mek} improves on.
 */
@Singleton
public class PepStrategy implements Strategy {

    private static final LoopSteps STEPS = new LoopSteps("pep", new LoopSteps.Grounding.Describe(PepStrategy::describe), PepStrategy::answer,
            PepStrategy::explain, PepStrategy::finalAnswer, LoopSteps.Verification.NONE);

    private final PredictExplainPredict loop;

    public PepStrategy(PredictExplainPredict loop) {
        this.loop = loop;
    }

    @Override
    public String id() {
        return "pep";
    }

    @Override
    public String description() {
        return "Self-PEP (VideoHallucer): describe the evidence, answer, explain and verify against the description, answer again.";
    }

    @Override
    public java.util.List<String> templates(boolean questions) {
        return STEPS.templates();
    }

    @Override
    public boolean answersQuestions() {
        return true;
    }

    @Override
    public StrategyResult run(StrategyInput input) {
        return loop.run(STEPS, input);
    }

    @Override
    public QuestionResult ask(QuestionInput input) {
        return loop.ask(STEPS, input);
    }

    private static PromptContext describe(Subject s, String schema) {
        EvidenceText e = s.evidence();
        return new PepPrompts.Describe(s.ask().question(), e.cues(), e.faceCount(), e.transcript(), schema);
    }

    private static PromptContext answer(Grounds g, String schema) {
        AnswerSpace a = g.subject().ask();
        return new PepPrompts.Answer(a.question(), a.kind(), a.choices(), a.labels(), g.description(), g.subject().evidence().transcript(),
                schema);
    }

    private static PromptContext explain(Grounds g, String initial, String schema) {
        return new PepPrompts.Explain(g.subject().ask().question(), g.description(), initial, schema);
    }

    private static PromptContext finalAnswer(Grounds g, String initial, String explanation, String schema) {
        AnswerSpace a = g.subject().ask();
        return new PepPrompts.Final(a.question(), a.kind(), a.choices(), a.labels(), g.description(), initial, explanation, schema);
    }
}

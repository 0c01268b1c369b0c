package io.affectra.reasoning.pep;

import io.affectra.prompt.PromptContext;
import io.affectra.prompt.context.PepMekPrompts;
import io.affectra.reasoning.AnswerSpace;
import io.affectra.reasoning.EvidenceText;
import io.affectra.reasoning.QuestionInput;
import io.affectra.reasoning.QuestionResult;
import io.affectra.reasoning.Strategy;
import io.affectra.reasoning.StrategyInput;
import io.affectra.reasoning.StrategyResult;
import jakarta.inject.Singleton;

/**
 * PEP-MEK, Predict-Explain-Predict with Modality and Emotion Knowledge (inference time only):
 * <ol>
 * <li>knowledge: modality knowledge is the measured cue set rendered as text (not the model describing the media to
 * itself); emotion knowledge is the top-k facts retrieved from the knowledge base for the question (or, for an
 * emotion answer, for what the cues measured);</li>
 * <li>initial answer over both;</li>
 * <li>explanation that checks each claim against the cues and the facts;</li>
 * <li>final answer.</li>
 * </ol>
 * Then Affectra verifies what the final answer cites ({@link CitedClueCheck}): unsupported clues are dropped from the
 * answer and reported with the reason.
 */
@Singleton
public class PepMekStrategy implements Strategy {

    private final PredictExplainPredict loop;
    private final LoopSteps steps;

    public PepMekStrategy(PredictExplainPredict loop, ClueVerifier verifier) {
        this.loop = loop;
        this.steps = new LoopSteps("pep-mek", new LoopSteps.Grounding.Knowledge(), PepMekStrategy::answer, PepMekStrategy::explain,
                PepMekStrategy::finalAnswer, new CitedClueCheck(verifier));
    }

    @Override
    public String id() {
        return "pep-mek";
    }

    @Override
    public String description() {
        return "PEP-MEK: measured cues + retrieved emotion facts -> answer -> explanation checked against both -> final answer; "
                + "unsupported clues dropped and reported.";
    }

    @Override
    public java.util.List<String> templates(boolean questions) {
        return steps.templates();
    }

    @Override
    public boolean answersQuestions() {
        return true;
    }

    @Override
    public StrategyResult run(StrategyInput input) {
        return loop.run(steps, input);
    }

    @Override
    public QuestionResult ask(QuestionInput input) {
        return loop.ask(steps, input);
    }

    private static PromptContext answer(Grounds g, String schema) {
        AnswerSpace a = g.subject().ask();
        EvidenceText e = g.subject().evidence();
        return new PepMekPrompts.Answer(a.question(), a.kind(), a.choices(), a.labels(), e.cues(), e.faceCount(), e.transcript(),
                g.factsText(), schema);
    }

    private static PromptContext explain(Grounds g, String initial, String schema) {
        EvidenceText e = g.subject().evidence();
        return new PepMekPrompts.Explain(g.subject().ask().question(), e.cues(), e.faceCount(), e.transcript(), g.factsText(), initial,
                schema);
    }

    private static PromptContext finalAnswer(Grounds g, String initial, String explanation, String schema) {
        AnswerSpace a = g.subject().ask();
        EvidenceText e = g.subject().evidence();
        return new PepMekPrompts.Final(a.question(), a.kind(), a.choices(), a.labels(), e.cues(), e.faceCount(), e.transcript(),
                g.factsText(), initial, explanation, schema);
    }
}

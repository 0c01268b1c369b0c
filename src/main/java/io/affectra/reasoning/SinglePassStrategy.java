package io.affectra.reasoning;

import io.affectra.prompt.context.EmotionPromptContext;
import io.affectra.vocabulary.StepName;
import java.util.List;
import java.util.Optional;

/** Renders one template over the cues and asks the backend once (with the client's own retry on invalid answers). */
abstract class SinglePassStrategy implements Strategy {

    private final StepRunner runner;

    SinglePassStrategy(StepRunner runner) {
        this.runner = runner;
    }

    abstract String templateId();

    @Override
    public Optional<String> answerTemplate() {
        return Optional.of(templateId());
    }

    StepRunner runner() {
        return runner;
    }

    @Override
    public StrategyResult run(StrategyInput input) {
        EvidenceText evidence = runner.evidence(input.cues(), input.transcript(), input.faceCount());
        String labels = AnswerSpace.emotion(input.labels()).labels();
        StepRunner.EmotionStep step = runner.emotion(StepName.ANSWER, templateId(),
                schema -> new EmotionPromptContext(evidence.cues(), labels, evidence.transcript(), schema, evidence.faceCount()), input);
        return new StrategyResult(step.call().answer(), step.prompt().template(), step.call(), step.call().unknownCueIds(),
                List.of(), null, List.of(step.record()));
    }
}

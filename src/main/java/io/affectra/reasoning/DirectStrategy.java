package io.affectra.reasoning;

import io.affectra.prompt.context.QuestionPromptContext;
import io.affectra.vocabulary.StepName;
import jakarta.inject.Singleton;
import java.util.List;

/** One pass over the cues with the plain template; closed questions in one pass too. */
@Singleton
public class DirectStrategy extends SinglePassStrategy {

    public DirectStrategy(StepRunner runner) {
        super(runner);
    }

    @Override
    public String id() {
        return "direct";
    }

    @Override
    public String description() {
        return "One pass: cues, transcript and label set (or the question) to the backend; a JSON answer citing cue ids.";
    }

    @Override
    String templateId() {
        return "emotion/direct";
    }

    @Override
    public boolean answersQuestions() {
        return true;
    }

    @Override
    public QuestionResult ask(QuestionInput input) {
        EvidenceText evidence = runner().evidence(input.cues(), input.transcript(), input.faceCount());
        AnswerSpace ask = AnswerSpace.question(input.question(), input.choices());
        StepRunner.QuestionStep step = runner().question(StepName.ANSWER, "question/direct", schema -> new QuestionPromptContext(ask.question(),
                ask.kind(), ask.choices(), evidence.cues(), evidence.faceCount(), evidence.transcript(), schema), input, List.of(), List.of());
        return new QuestionResult(step.reply(), step.prompt().template(), step.call().backend(), step.call().model(), List.of(), null,
                List.of(step.record()), 1, step.call().promptTokens(), step.call().completionTokens(), step.call().backendMillis());
    }
}

package io.affectra.reasoning.pep;

import io.affectra.knowledge.KnowledgeHit;
import io.affectra.knowledge.KnowledgeRetriever;
import io.affectra.llm.BackendTask;
import io.affectra.llm.StepSchemas;
import io.affectra.prompt.PromptContext;
import io.affectra.reasoning.AnswerSpace;
import io.affectra.reasoning.ClueVerification;
import io.affectra.reasoning.QuestionInput;
import io.affectra.reasoning.QuestionResult;
import io.affectra.reasoning.ReasoningStep;
import io.affectra.reasoning.StepRunner;
import io.affectra.reasoning.StrategyInput;
import io.affectra.reasoning.StrategyResult;
import io.affectra.vocabulary.StepName;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * The Predict-Explain-Predict loop, once for every strategy that runs it and for both kinds of answer: ground the answer
 * (the backend describes the evidence, or emotion knowledge is retrieved), answer, explain the answer and check each
 * claim, answer again; then the strategy checks what the final answer cites. A strategy declares its steps
 * ({@link LoopSteps}); the loop runs them in order, records each and counts what they cost.
 */
@ApplicationScoped
public class PredictExplainPredict {

    private final StepRunner runner;
    private final KnowledgeRetriever knowledge;

    public PredictExplainPredict(StepRunner runner, KnowledgeRetriever knowledge) {
        this.runner = runner;
        this.knowledge = knowledge;
    }

    /** How the two answer steps ask: for an emotion answer or for a closed question. */
    @FunctionalInterface
    private interface Predictor<P extends StepRunner.Prediction> {
        P predict(StepName step, String template, Function<String, PromptContext> context, List<KnowledgeHit> facts, List<String> previous);
    }

    /** The steps as they happened: the first step's findings, the final answer and the whole loop's cost. */
    private record Walk<P extends StepRunner.Prediction>(Grounds grounds, P last, Tally tally) {
    }

    StrategyResult run(LoopSteps steps, StrategyInput input) {
        Subject subject = new Subject(runner.evidence(input.cues(), input.transcript(), input.faceCount()), AnswerSpace.emotion(input.labels()),
                input.cues(), input.labels(), input.backend(), KnowledgeQuery.forCues(input.cues()), input.settings());
        Walk<StepRunner.EmotionStep> walk = walk(steps, subject,
                (step, template, context, facts, previous) -> runner.emotion(step, template, context, input));
        StepRunner.EmotionStep last = walk.last();
        List<KnowledgeHit> facts = walk.grounds().facts();
        LoopSteps.Verified verified = steps.verification().emotion(last.call().answer(), last.call(), input, facts);
        return new StrategyResult(verified.answer(), last.prompt().template(),
                walk.tally().total(last.call(), verified.answer(), last.call().unknownCueIds()), last.call().unknownCueIds(),
                facts, verified.verification(), walk.tally().steps());
    }

    QuestionResult ask(LoopSteps steps, QuestionInput input) {
        Subject subject = new Subject(runner.evidence(input.cues(), input.transcript(), input.faceCount()),
                AnswerSpace.question(input.question(), input.choices()), input.cues(), null, input.backend(),
                KnowledgeQuery.forQuestion(input.question()), input.settings());
        Walk<StepRunner.QuestionStep> walk = walk(steps, subject,
                (step, template, context, facts, previous) -> runner.question(step, template, context, input, facts, previous));
        StepRunner.QuestionStep last = walk.last();
        List<KnowledgeHit> facts = walk.grounds().facts();
        ClueVerification verification = steps.verification().question(last.reply(), input, facts);
        Tally tally = walk.tally();
        return new QuestionResult(last.reply(), last.prompt().template(), last.call().backend(), last.call().model(), facts, verification,
                tally.steps(), tally.calls(), tally.promptTokens(), tally.completionTokens(), tally.backendMillis());
    }

    private <P extends StepRunner.Prediction> Walk<P> walk(LoopSteps steps, Subject subject, Predictor<P> predictor) {
        Tally tally = new Tally();
        Grounds grounds = ground(steps, subject, tally);
        String question = subject.ask().question();
        List<String> replies = new ArrayList<>(grounds.replies());

        P initial = predictor.predict(StepName.ANSWER, steps.template(StepName.ANSWER), schema -> steps.answer().of(grounds, schema),
                grounds.facts(), List.copyOf(replies));
        tally.add(initial.record(), initial.calls());
        replies.add(initial.raw());

        StepRunner.TextStep explain = runner.text(steps.template(StepName.EXPLAIN),
                schema -> steps.explain().of(grounds, initial.raw(), schema), StepSchemas.explain(), StepSchemas.EXPLAIN,
                subject.backend(), subject.cues(), subject.labels(),
                new BackendTask.Step(StepName.EXPLAIN, question, grounds.facts(), List.copyOf(replies)), subject.settings());
        tally.add(explain.record(), 1);
        replies.add(explain.text());

        P last = predictor.predict(StepName.FINAL, steps.template(StepName.FINAL),
                schema -> steps.finalAnswer().of(grounds, initial.raw(), explain.text(), schema), grounds.facts(), List.copyOf(replies));
        tally.add(last.record(), last.calls());
        return new Walk<>(grounds, last, tally);
    }

    private Grounds ground(LoopSteps steps, Subject subject, Tally tally) {
        return switch (steps.grounding()) {
            case LoopSteps.Grounding.Describe describe -> {
                StepRunner.TextStep step = runner.text(steps.template(StepName.DESCRIBE), schema -> describe.prompt().of(subject, schema),
                        StepSchemas.describe(), StepSchemas.DESCRIBE, subject.backend(), subject.cues(), subject.labels(),
                        new BackendTask.Step(StepName.DESCRIBE, subject.ask().question(), List.of(), List.of()), subject.settings());
                tally.add(step.record(), 1);
                yield new Grounds(subject, step.text(), List.of());
            }
            case LoopSteps.Grounding.Knowledge k -> {
                String query = subject.knowledgeQuery();
                List<KnowledgeHit> facts = query.isEmpty() ? List.of() : knowledge.retrieve(query);
                tally.add(new ReasoningStep(StepName.KNOWLEDGE, null, query, StepRunner.renderFacts(facts), null, 0, 0, 0), 0);
                yield new Grounds(subject, null, facts);
            }
        };
    }
}

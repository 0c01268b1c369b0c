package io.affectra.eval;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.affectra.eval.metrics.CaseResult;
import io.affectra.eval.metrics.DatasetFormat;
import io.affectra.llm.AnsweredStep;
import io.affectra.llm.BackendRequest;
import io.affectra.llm.BackendTask;
import io.affectra.llm.CompletionCache;
import io.affectra.llm.InvalidAnswerException;
import io.affectra.llm.PromptMessage;
import io.affectra.llm.StepClient;
import io.affectra.llm.StepSchemas;
import io.affectra.prompt.PromptRegistry;
import io.affectra.prompt.RenderedPrompt;
import io.affectra.prompt.context.EmerJudgePromptContext;
import io.affectra.reasoning.CallSettings;
import io.affectra.reasoning.QuestionInput;
import io.affectra.reasoning.QuestionResult;
import io.affectra.reasoning.Strategy;
import io.affectra.reasoning.StrategyInput;
import io.affectra.reasoning.StrategyResult;
import io.affectra.vocabulary.EmotionAnswer;
import io.affectra.vocabulary.LabelSet;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Answers one case with one strategy and scores it: closed questions through {@link Strategy#ask}, label and open items
 * through {@link Strategy#run}; open answers are then judged on the EMER protocol by the judge backend. Backend
 * failures propagate (the runner retries and records them).
 */
@ApplicationScoped
public class CaseRunner {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final CaseEvidence evidence;
    private final StepClient steps;
    private final PromptRegistry prompts;

    public CaseRunner(CaseEvidence evidence, StepClient steps, PromptRegistry prompts) {
        this.evidence = evidence;
        this.steps = steps;
        this.prompts = prompts;
    }

    /**
     * What a run fixes for all its cases.
     *
     * @param completions where cacheable arms' backend replies are looked up and kept
     */
    public record RunContext(DatasetFormat format, String backend, String judgeBackend, LabelSet labels, boolean explain,
            MediaResolver media, CaseEvidence.RunCache cueCache, CompletionCache completions) {

        public RunContext {
            completions = completions == null ? CompletionCache.NONE : completions;
        }
    }

    /** An evaluation's case: the strategy as it is, once. */
    public CaseResult run(EvalCase c, Strategy strategy, RunContext run) {
        return run(c, Arm.of(strategy), 0, run);
    }

    /**
     * One trial: the case's evidence (read once per run and kept in its cue cache), less what the arm ablates, answered
     * with the arm's strategy, backend and settings.
     */
    public CaseResult run(EvalCase c, Arm arm, int repeat, RunContext run) {
        long start = System.nanoTime();
        Strategy strategy = arm.strategy();
        Path media = c.media() == null ? null : run.media().resolve(c.media());
        CaseEvidence.Evidence ev = evidence.of(media, c.text(), strategy.wantsFacialPriors(), strategy.requiresDeidentified(), run.cueCache())
                .without(arm.ablation());
        String backend = arm.backend() == null ? run.backend() : arm.backend();
        CompletionCache.TrialView cache = new CompletionCache.TrialView(arm.cacheable() ? run.completions() : CompletionCache.NONE);
        CallSettings settings = arm.settings().withCache(cache);
        Map<String, Object> detail = new LinkedHashMap<>();
        CaseResult result;
        if (run.format().closedQuestions()) {
            QuestionResult q = strategy.ask(new QuestionInput(c.question(), c.choices(), ev.cues(), ev.transcript(), ev.faceCount(), backend,
                    settings));
            String answer = q.reply().answer();
            detail.put("answerText", q.reply().answerText());
            detail.put("reasoning", q.reply().reasoning());
            detail.put("cueIds", q.reply().cueIds());
            detail.put("factIds", q.reply().factIds());
            detail.put("prompt", q.prompt());
            putReasoning(detail, q.knowledge(), q.verification(), q.steps(), run.explain());
            result = new CaseResult(arm.id(), c.key(), c.seq(), c.itemId(), c.role(), c.category(), c.subcategory(), c.expected(),
                    answer, answer != null && answer.equals(c.expected()), null, null, null, q.reply().raw(), q.calls(), q.promptTokens(),
                    q.completionTokens(), ms(start), json(detail));
        } else {
            StrategyResult r = strategy.run(new StrategyInput(ev.cues(), ev.transcript(), run.labels(), backend, ev.faceCount(), settings));
            EmotionAnswer a = r.answer();
            detail.put("confidence", a.confidence());
            detail.put("reasoning", a.reasoning());
            detail.put("cueIds", a.cueIds());
            if (!a.people().isEmpty()) {
                detail.put("people", a.people());
            }
            detail.put("prompt", r.prompt());
            putReasoning(detail, r.knowledge(), r.verification(), r.steps(), run.explain());
            Integer clue = null;
            Integer label = null;
            int calls = r.call().attempts();
            int promptTokens = r.call().promptTokens();
            int completionTokens = r.call().completionTokens();
            if (run.format() == DatasetFormat.OPEN) {
                AnsweredStep judged = judge(c, a, run.judgeBackend(), cache);
                calls++;
                promptTokens += judged.promptTokens();
                completionTokens += judged.completionTokens();
                int[] scores = scores(judged.reply());
                if (scores != null) {
                    clue = scores[0];
                    label = scores[1];
                }
                detail.put("judge", Map.of("backend", judged.backend(), "reply", judged.reply()));
            }
            result = new CaseResult(arm.id(), c.key(), c.seq(), c.itemId(), c.role(), c.category(), c.subcategory(), c.expected(),
                    a.label(), a.label().equals(c.expected()), null, clue, label, r.call().reply(), calls, promptTokens, completionTokens,
                    ms(start), json(detail));
        }
        return result.withTrial(new CaseResult.Trial(repeat, cache.allHits(), arm.variantSha256()));
    }

    /** The case as failed: no answer, the error kept. */
    public static CaseResult failed(EvalCase c, String strategy, String error, long startNanos) {
        return new CaseResult(strategy, c.key(), c.seq(), c.itemId(), c.role(), c.category(), c.subcategory(), c.expected(), null, false,
                error, null, null, null, 0, 0, 0, ms(startNanos), null);
    }

    /** A trial as failed. */
    public static CaseResult failed(EvalCase c, Arm arm, int repeat, String error, long startNanos) {
        return failed(c, arm.id(), error, startNanos).withTrial(new CaseResult.Trial(repeat, false, arm.variantSha256()));
    }

    private AnsweredStep judge(EvalCase c, EmotionAnswer a, String judgeBackend, CompletionCache cache) {
        Map<String, Object> schema = StepSchemas.judge();
        RenderedPrompt prompt = prompts.render("eval/emer-judge",
                new EmerJudgePromptContext(c.expected(), c.reference(), a.label(), a.reasoning(), json(schema)));
        BackendRequest request = new BackendRequest(List.of(PromptMessage.system(prompt.system()), PromptMessage.user(prompt.user())),
                schema, StepSchemas.JUDGE, null, null, new BackendTask.Judge(c.expected(), c.reference(), a.label(), a.reasoning()));
        return steps.ask(judgeBackend, request, cache);
    }

    /** clueOverlap and labelOverlap as integers clamped to 1-10, or null when the reply has no readable scores. */
    static int[] scores(String reply) {
        try {
            JsonNode node = io.affectra.llm.AnswerParser.locateObject(reply);
            JsonNode clue = node.get("clueOverlap");
            JsonNode label = node.get("labelOverlap");
            if (clue == null || label == null || !clue.isNumber() && !clue.isTextual() || !label.isNumber() && !label.isTextual()) {
                return null;
            }
            return new int[] {clamp(clue.asDouble()), clamp(label.asDouble())};
        } catch (InvalidAnswerException | NumberFormatException e) {
            return null;
        }
    }

    private static int clamp(double v) {
        return (int) Math.max(1, Math.min(10, Math.round(v)));
    }

    private static void putReasoning(Map<String, Object> detail, Object knowledge, Object verification, Object steps, boolean explain) {
        detail.put("knowledge", knowledge);
        if (verification != null) {
            detail.put("verification", verification);
        }
        if (explain) {
            detail.put("steps", steps);
        }
    }

    private static long ms(long startNanos) {
        return (System.nanoTime() - startNanos) / 1_000_000;
    }

    private static String json(Object value) {
        try {
            return JSON.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("case detail not serialisable", e);
        }
    }
}

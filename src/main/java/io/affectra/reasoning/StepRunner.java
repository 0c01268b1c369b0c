package io.affectra.reasoning;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.affectra.cue.CueRenderer;
import io.affectra.cue.CueSet;
import io.affectra.knowledge.KnowledgeHit;
import io.affectra.llm.AnswerSchema;
import io.affectra.llm.AnsweredCall;
import io.affectra.llm.AnsweredStep;
import io.affectra.llm.BackendRequest;
import io.affectra.llm.BackendTask;
import io.affectra.llm.EmotionAnswerClient;
import io.affectra.llm.PromptMessage;
import io.affectra.llm.QuestionParser;
import io.affectra.llm.QuestionReply;
import io.affectra.llm.StepClient;
import io.affectra.llm.StepSchemas;
import io.affectra.prompt.PromptContext;
import io.affectra.prompt.PromptRegistry;
import io.affectra.prompt.RenderedPrompt;
import io.affectra.vocabulary.LabelSet;
import io.affectra.vocabulary.StepName;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Runs one step of a strategy: renders its template with the step's prompt context, asks the backend through the right
 * client, and records the step. Shared by the single-pass and the PEP strategies so that every step's schemas and
 * records look the same.
 */
@ApplicationScoped
public class StepRunner {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final PromptRegistry prompts;
    private final CueRenderer renderer;
    private final EmotionAnswerClient answers;
    private final StepClient steps;

    public StepRunner(PromptRegistry prompts, CueRenderer renderer, EmotionAnswerClient answers, StepClient steps) {
        this.prompts = prompts;
        this.renderer = renderer;
        this.answers = answers;
        this.steps = steps;
    }

    /** What an answer step gives the loop around it: its record, its backend calls, and its reply as the next step reads it. */
    public interface Prediction {

        ReasoningStep record();

        RenderedPrompt prompt();

        int calls();

        /** The reply, exactly as sent. */
        String raw();
    }

    /** An emotion answer (validated, re-asked once on an invalid reply). */
    public record EmotionStep(AnsweredCall call, RenderedPrompt prompt, ReasoningStep record) implements Prediction {

        @Override
        public int calls() {
            return call.attempts();
        }

        @Override
        public String raw() {
            return call.reply();
        }
    }

    /** A closed question's reply, read leniently (unparseable is a result, not an error). */
    public record QuestionStep(QuestionReply reply, AnsweredStep call, RenderedPrompt prompt, ReasoningStep record) implements Prediction {

        @Override
        public int calls() {
            return 1;
        }

        @Override
        public String raw() {
            return reply.raw();
        }
    }

    /** A free-text step. */
    public record TextStep(String text, AnsweredStep call, RenderedPrompt prompt, ReasoningStep record) {
    }

    /** The evidence as every template shows it. */
    public EvidenceText evidence(CueSet cues, String transcript, int faceCount) {
        return new EvidenceText(renderer.render(cues), faceCount, transcript == null ? "" : transcript);
    }

    /**
     * @param context the step's prompt context, given the reply's JSON schema as text
     */
    public EmotionStep emotion(StepName step, String templateId, Function<String, ? extends PromptContext> context, StrategyInput input) {
        Map<String, Object> schema = AnswerSchema.of(input.labels());
        RenderedPrompt prompt = prompts.render(templateId, context.apply(json(schema)), input.settings().prompts());
        BackendRequest request = new BackendRequest(messages(prompt), schema, AnswerSchema.NAME, input.cues(), input.labels(), null,
                input.settings().sampling());
        AnsweredCall call = answers.ask(input.backend(), request, input.settings().cache());
        ReasoningStep record = new ReasoningStep(step, prompt.template(), prompt.user(), call.reply(), call.answer().label(),
                call.promptTokens(), call.completionTokens(), call.backendMillis());
        return new EmotionStep(call, prompt, record);
    }

    public QuestionStep question(StepName step, String templateId, Function<String, ? extends PromptContext> context, QuestionInput input,
            List<KnowledgeHit> facts, List<String> previous) {
        Map<String, Object> schema = StepSchemas.question(input.choices());
        RenderedPrompt prompt = prompts.render(templateId, context.apply(json(schema)), input.settings().prompts());
        BackendTask task = new BackendTask.Question(step, input.question(), input.choices(), facts, previous);
        BackendRequest request = new BackendRequest(messages(prompt), schema, StepSchemas.QUESTION, input.cues(), null, task,
                input.settings().sampling());
        AnsweredStep call = steps.ask(input.backend(), request, input.settings().cache());
        QuestionReply reply = QuestionParser.parse(call.reply(), input.choices());
        ReasoningStep record = new ReasoningStep(step, prompt.template(), prompt.user(), call.reply(), reply.answer(),
                call.promptTokens(), call.completionTokens(), call.backendMillis());
        return new QuestionStep(reply, call, prompt, record);
    }

    /**
     * @param labels the label set when the step works on an emotion answer (the local baseline reads it), else null
     */
    public TextStep text(String templateId, Function<String, ? extends PromptContext> context, Map<String, Object> schema, String schemaName,
            String backend, CueSet cues, LabelSet labels, BackendTask.Step task, CallSettings settings) {
        RenderedPrompt prompt = prompts.render(templateId, context.apply(json(schema)), settings.prompts());
        BackendRequest request = new BackendRequest(messages(prompt), schema, schemaName, cues, labels, task, settings.sampling());
        AnsweredStep call = steps.ask(backend, request, settings.cache());
        ReasoningStep record = new ReasoningStep(task.step(), prompt.template(), prompt.user(), call.reply(), null,
                call.promptTokens(), call.completionTokens(), call.backendMillis());
        return new TextStep(call.reply(), call, prompt, record);
    }

    /** One line per fact, led by its id so that answers can cite it: {@code [k012] (facs, 0.71) text (source)}. */
    public static String renderFacts(List<KnowledgeHit> facts) {
        if (facts == null || facts.isEmpty()) {
            return "";
        }
        return facts.stream()
                .map(f -> String.format(Locale.ROOT, "[%s] (%s; similarity %.2f) %s (%s)", f.id(), f.topic(), f.score(), f.text(), f.source()))
                .collect(Collectors.joining("\n"));
    }

    private static List<PromptMessage> messages(RenderedPrompt prompt) {
        return List.of(PromptMessage.system(prompt.system()), PromptMessage.user(prompt.user()));
    }

    private static String json(Map<String, Object> schema) {
        try {
            return JSON.writeValueAsString(schema);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("schema not serialisable", e);
        }
    }
}

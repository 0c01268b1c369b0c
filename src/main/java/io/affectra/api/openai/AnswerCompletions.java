package io.affectra.api.openai;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.affectra.cue.CueRenderer;
import io.affectra.gateway.ModelRoute;
import io.affectra.gateway.TokenEstimate;
import io.affectra.gateway.media.CueContext;
import io.affectra.llm.AnsweredCall;
import io.affectra.llm.CompletionCache;
import io.affectra.llm.Sampling;
import io.affectra.reasoning.CallSettings;
import io.affectra.reasoning.StrategyInput;
import io.affectra.reasoning.StrategyRegistry;
import io.affectra.reasoning.StrategyResult;
import io.affectra.vocabulary.EmotionAnswer;
import io.affectra.vocabulary.LabelSet;
import jakarta.inject.Singleton;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * {@code answer} mode (and so the offline {@code local} backend) on the chat surface: the model's strategy answers over
 * the cues of the chat's media, and the structured answer becomes the assistant's message: the answer's JSON when the
 * client asked for {@code response_format: json_object}, a short text otherwise. {@code stop} and {@code max_tokens}
 * are applied to that text. {@code temperature} and {@code seed} go to the strategy's backend calls (the offline
 * reasoner is deterministic and ignores them); {@code max_tokens} does not, since it bounds the message the client
 * gets, and capping the backend would cut its JSON answer short. The route's prompt variant, if the request chose one,
 * is rendered in place of the strategy's template.
 * Usage is the backend's where it reports tokens and estimated (four characters a token) where it does not.
 * Blocking: runs on a worker thread.
 */
@Singleton
public class AnswerCompletions {

    private final StrategyRegistry strategies;
    private final CueRenderer renderer;

    public AnswerCompletions(StrategyRegistry strategies, CueRenderer renderer) {
        this.strategies = strategies;
        this.renderer = renderer;
    }

    /** Refuses what this mode cannot do before any work is done. */
    public void check(ModelRoute route, ChatRequest chat) {
        String choice = chat.toolChoice();
        if (choice.equals("required") || choice.equals("named")) {
            throw ChatRequest.invalid("tool_choice", "unsupported_parameter", "Model '" + route.id()
                    + "' answers with an emotion analysis and cannot call tools; use tool_choice auto or none, or a chat model.");
        }
        if (chat.responseFormat().equals("json_schema")) {
            throw ChatRequest.invalid("response_format", "unsupported_parameter", "Model '" + route.id()
                    + "' answers in its own emotion-answer JSON (label, confidence, probabilities, reasoning, cueIds, people); ask for "
                    + "response_format json_object to get it as JSON.");
        }
    }

    public AnswerReply answer(ModelRoute route, ChatRequest chat, CueContext context) {
        CallSettings settings = new CallSettings(route.prompts(), new Sampling(chat.temperature(), chat.seed(), null), CompletionCache.NONE);
        StrategyResult result = strategies.get(route.strategy())
                .run(new StrategyInput(context.cues(), null, LabelSet.CANONICAL, route.backend(), context.faceCount(), settings));
        String content = chat.responseFormat().equals("json_object") ? json(result.answer()) : text(result.answer());
        String finish = "stop";
        int cut = firstStop(content, chat.stop());
        if (cut >= 0) {
            content = content.substring(0, cut);
        }
        long max = chat.maxTokens();
        if (max > 0 && TokenEstimate.of(content) > max) {
            content = content.substring(0, (int) Math.min(content.length(), max * 4));
            finish = "length";
        }
        long cueTokens = context.cues().isEmpty() ? 0 : TokenEstimate.of(renderer.render(context.cues()));
        AnsweredCall call = result.call();
        long prompt = call.promptTokens() > 0 ? call.promptTokens() : TokenEstimate.of(chat.text()) + cueTokens;
        long completion = call.completionTokens() > 0 ? call.completionTokens() : TokenEstimate.of(content);
        return new AnswerReply(content, finish, prompt, completion, cueTokens, call.backend(), call.backendMillis() * 1_000_000,
                route.strategy(), result.prompt());
    }

    /**
     * The label and confidence first (a client can stop there), then the reasoning, then the per-person readings the
     * reasoning has no line for (the offline reasoner writes one per person, "F1, on the left: ..."; an LLM may give
     * them only in its JSON).
     */
    static String text(EmotionAnswer answer) {
        StringBuilder sb = new StringBuilder();
        sb.append(String.format(Locale.ROOT, "%s (confidence %.2f)%n%s", answer.label(), answer.confidence(), answer.reasoning()));
        List<EmotionAnswer.Person> unwritten = answer.people().stream()
                .filter(p -> !Pattern.compile("(?m)^(?:.*: )?" + Pattern.quote(p.id()) + "[,:]").matcher(answer.reasoning()).find())
                .toList();
        if (!unwritten.isEmpty()) {
            sb.append("\nPeople: ").append(unwritten.stream()
                    .map(p -> String.format(Locale.ROOT, "%s%s %s %.2f", p.id(), p.position() == null ? "" : " (" + p.position() + ")",
                            p.label(), p.confidence()))
                    .collect(Collectors.joining("; ")));
        }
        if (!answer.probabilities().isEmpty()) {
            sb.append("\nProbabilities: ").append(answer.probabilities().entrySet().stream()
                    .sorted(Map.Entry.<String, Double>comparingByValue().reversed())
                    .map(e -> String.format(Locale.ROOT, "%s %.2f", e.getKey(), e.getValue()))
                    .collect(Collectors.joining(", ")));
        }
        if (!answer.cueIds().isEmpty()) {
            sb.append("\nCues: ").append(String.join(", ", answer.cueIds()));
        }
        return sb.toString();
    }

    private static String json(EmotionAnswer answer) {
        try {
            return ChatRequest.JSON.writeValueAsString(answer);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write the answer", e);
        }
    }

    private static int firstStop(String text, List<String> stops) {
        int first = -1;
        for (String stop : stops) {
            int at = text.indexOf(stop);
            if (at >= 0 && (first < 0 || at < first)) {
                first = at;
            }
        }
        return first;
    }
}

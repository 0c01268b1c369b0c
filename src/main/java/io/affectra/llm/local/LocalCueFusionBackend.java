package io.affectra.llm.local;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.affectra.cue.CueSet;
import io.affectra.llm.BackendKind;
import io.affectra.llm.BackendReply;
import io.affectra.llm.BackendRequest;
import io.affectra.llm.BackendTask;
import io.affectra.llm.EmotionBackend;
import io.affectra.vocabulary.LabelSet;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The embedded default backend (kind {@code local}): a deterministic cue-fusion reasoner, not an LLM, that needs no
 * network. It ignores the prompt text and reads the structured cues of the request, fuses them with the weights of
 * {@code reasoning/fusion/weights.json} (see {@link CueFusion} for the formula) and replies with the same JSON answer an
 * LLM is asked for, so that everything downstream (parsing, verification, metrics) runs unchanged offline.
 * Same input, same output; token counts are 0.
 * <p>
 * Requests that carry a {@link BackendTask} (closed questions, the free-text steps of the PEP loops, judgements) go to
 * the {@link LocalTaskAnswerer} it was given: deterministic, documented baselines, also not an LLM.
 */
public final class LocalCueFusionBackend implements EmotionBackend {

    /** Every reasoning this backend writes starts with this, so that nobody mistakes it for an LLM's. */
    public static final String DISCLAIMER = "Offline cue-fusion reasoner (not an LLM): ";

    private static final int MAX_CITED = 3;
    private static final ObjectMapper JSON = new ObjectMapper();

    private final String name;
    private final CueFusion fusion;
    private final LocalTaskAnswerer tasks;

    public LocalCueFusionBackend(String name, FusionWeights weights) {
        this(name, weights, null);
    }

    /** @param tasks what answers questions and reasoning steps; null when only emotion answers are needed */
    public LocalCueFusionBackend(String name, FusionWeights weights, LocalTaskAnswerer tasks) {
        this.name = name;
        this.fusion = new CueFusion(weights);
        this.tasks = tasks;
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public BackendKind kind() {
        return BackendKind.LOCAL;
    }

    @Override
    public String model() {
        return "cue-fusion (weights " + fusion.weights().version() + ")" + (tasks == null ? "" : " + " + tasks.describe());
    }

    @Override
    public BackendReply complete(BackendRequest request) {
        if (request.task() != null) {
            String text = tasks != null ? tasks.reply(request)
                    : DISCLAIMER + "this local backend was built without question answering, so it cannot answer this "
                            + request.task().step() + " step.";
            return new BackendReply(text, 0, 0);
        }
        CueSet cues = request.cues() == null ? CueSet.EMPTY : request.cues();
        LabelSet labels = request.labels() == null ? LabelSet.CANONICAL : request.labels();
        FusionResult result = fusion.fuse(cues, labels);
        Map<String, Object> answer = result.hasEvidence() ? answer(result) : noEvidence(result, cues, labels);
        try {
            return new BackendReply(JSON.writeValueAsString(answer), 0, 0);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write the fusion answer", e);
        }
    }

    private static Map<String, Object> answer(FusionResult result) {
        String top = result.top();
        List<FusionResult.Contribution> cited = result.strongestFor(top, MAX_CITED);
        StringBuilder reasoning = new StringBuilder(DISCLAIMER);
        reasoning.append(String.format(Locale.ROOT, "%s (p=%.2f)", top, result.probabilities().get(top)));
        if (!cited.isEmpty()) {
            reasoning.append(" rests mostly on ").append(cited.stream()
                    .map(c -> String.format(Locale.ROOT, "[%s] %s (%+.2f)", c.cueId(), c.summary(), c.on(top)))
                    .collect(Collectors.joining(", ")));
        } else {
            // The winner got no support of its own: it leads on its bias because the cues argue against the rest.
            cited = result.contributions().stream()
                    .sorted(Comparator.comparingDouble(FusionResult.Contribution::magnitude).reversed())
                    .limit(MAX_CITED).toList();
            reasoning.append(" has no cue in its favour and leads only because the evidence for the other labels is weak or contradicting: ")
                    .append(cited.stream().map(c -> "[" + c.cueId() + "] " + c.summary()).collect(Collectors.joining(", ")));
        }
        runnerUp(result, top).ifPresent(r -> reasoning.append(String.format(Locale.ROOT, "; runner-up %s (p=%.2f)", r, result.probabilities().get(r))));
        reasoning.append('.');
        return body(top, result, reasoning.toString(), cited.stream().map(FusionResult.Contribution::cueId).distinct().toList());
    }

    private static Map<String, Object> noEvidence(FusionResult result, CueSet cues, LabelSet labels) {
        String label = labels.contains("neutral") ? "neutral" : labels.labels().get(0);
        String why = cues.isEmpty()
                ? "no cues at all"
                : "none of the " + cues.size() + " cues carries evidence for these labels (priors and cue types without weights get none)";
        String reasoning = DISCLAIMER + why + ", so it answers '" + label + "' with low confidence.";
        return body(label, result, reasoning, List.of());
    }

    private static Optional<String> runnerUp(FusionResult result, String top) {
        return result.probabilities().entrySet().stream()
                .filter(e -> !e.getKey().equals(top))
                .max(Map.Entry.comparingByValue())
                .map(Map.Entry::getKey);
    }

    private static Map<String, Object> body(String label, FusionResult result, String reasoning, List<String> cueIds) {
        Map<String, Double> probabilities = new LinkedHashMap<>();
        result.probabilities().forEach((k, v) -> probabilities.put(k, round(v)));
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("label", label);
        body.put("confidence", round(result.probabilities().get(label)));
        body.put("probabilities", probabilities);
        body.put("reasoning", reasoning);
        body.put("cueIds", new ArrayList<>(cueIds));
        return body;
    }

    private static double round(double v) {
        return Math.round(v * 10_000) / 10_000.0;
    }
}

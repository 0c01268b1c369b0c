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
import java.util.Map;
import java.util.Optional;

/**
 * The embedded default backend (kind {@code local}): a deterministic cue-fusion reasoner, not an LLM, that needs no
 * network. It ignores the prompt text and reads the structured cues of the request, fuses them with the weights of
 * {@code reasoning/fusion/weights.json} (see {@link CueFusion} for the formula) and replies with the same JSON answer an
 * LLM is asked for, so that everything downstream (parsing, verification, metrics) runs unchanged offline. Its
 * reasoning is written for a person ({@link PlainReasoning}: who was found, each one's reading, the overall reading and
 * what it rests on), and the answer carries a reading per person ({@code people}).
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
    private final PlainReasoning writer;
    private final LocalTaskAnswerer tasks;

    public LocalCueFusionBackend(String name, FusionWeights weights) {
        this(name, weights, null);
    }

    /** @param tasks what answers questions and reasoning steps; null when only emotion answers are needed */
    public LocalCueFusionBackend(String name, FusionWeights weights, LocalTaskAnswerer tasks) {
        this.name = name;
        this.fusion = new CueFusion(weights);
        this.writer = new PlainReasoning(fusion);
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
        List<PlainReasoning.Reading> readings = writer.readings(cues, labels);
        Map<String, Object> answer = result.hasEvidence()
                ? answer(result, cues, labels, readings)
                : noEvidence(result, cues, labels, readings);
        try {
            return new BackendReply(JSON.writeValueAsString(answer), 0, 0);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write the fusion answer", e);
        }
    }

    private Map<String, Object> answer(FusionResult result, CueSet cues, LabelSet labels, List<PlainReasoning.Reading> readings) {
        String top = result.top();
        List<FusionResult.Contribution> cited = result.strongestFor(top, MAX_CITED);
        boolean supported = !cited.isEmpty();
        if (!supported) {
            // The winner got no support of its own: it leads on its bias because the cues argue against the rest.
            cited = result.contributions().stream()
                    .sorted(Comparator.comparingDouble(FusionResult.Contribution::magnitude).reversed())
                    .limit(MAX_CITED).toList();
        }
        String reasoning = DISCLAIMER
                + writer.decided(cues, labels, readings, result, top, cited, supported, runnerUp(result, top).orElse(null));
        return body(top, result, reasoning, cited.stream().map(FusionResult.Contribution::cueId).distinct().toList(), readings);
    }

    private Map<String, Object> noEvidence(FusionResult result, CueSet cues, LabelSet labels, List<PlainReasoning.Reading> readings) {
        String label = PlainReasoning.fallback(labels);
        return body(label, result, DISCLAIMER + writer.undecided(cues, labels, readings, result, label), List.of(), readings);
    }

    private static Optional<String> runnerUp(FusionResult result, String top) {
        return result.probabilities().entrySet().stream()
                .filter(e -> !e.getKey().equals(top))
                .max(Map.Entry.comparingByValue())
                .map(Map.Entry::getKey);
    }

    private static Map<String, Object> body(String label, FusionResult result, String reasoning, List<String> cueIds,
            List<PlainReasoning.Reading> readings) {
        Map<String, Double> probabilities = new LinkedHashMap<>();
        result.probabilities().forEach((k, v) -> probabilities.put(k, round(v)));
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("label", label);
        body.put("confidence", round(result.probabilities().get(label)));
        body.put("probabilities", probabilities);
        body.put("reasoning", reasoning);
        body.put("cueIds", new ArrayList<>(cueIds));
        List<Map<String, Object>> people = new ArrayList<>();
        for (PlainReasoning.Reading r : readings) {
            Map<String, Object> person = new LinkedHashMap<>();
            person.put("id", r.person().id());
            person.put("label", r.label());
            person.put("confidence", round(r.confidence()));
            person.put("cueIds", r.cueIds());
            person.put("position", r.person().position());
            people.add(person);
        }
        body.put("people", people);
        return body;
    }

    private static double round(double v) {
        return Math.round(v * 10_000) / 10_000.0;
    }
}

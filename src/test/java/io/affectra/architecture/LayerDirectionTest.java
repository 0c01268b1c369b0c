package io.affectra.architecture;

import static org.assertj.core.api.Assertions.assertThat;

import io.affectra.architecture.MainSources.Reference;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/**
 * Dependencies between Affectra's packages point down the layers:
 * <pre>
 * api, cli
 *   -> use cases: analysis, eval, experiment, job, gateway, evidence
 *     -> reasoning
 *       -> llm
 *         -> encoder, prompt, knowledge
 *           -> media, cue, vocabulary
 *             -> config, timing, error, events, resilience, work (anyone may import them)
 * </pre>
 * A package may use its own layer and every layer below, never one above. The imports that break the rule today are
 * listed with their reason; one that is gone must leave the list too, so that the list only shrinks. Package cycles
 * are refused the same way: only the listed ones may exist.
 */
class LayerDirectionTest {

    /** Top-level packages, top layer first. */
    private static final List<List<String>> LAYERS = List.of(
            List.of("api", "cli"),
            List.of("analysis", "eval", "experiment", "job", "gateway", "evidence"),
            List.of("reasoning"),
            List.of("llm"),
            List.of("encoder", "prompt", "knowledge"),
            List.of("media", "cue", "vocabulary"),
            List.of("config", "timing", "error", "events", "resilience", "work"));

    /** Known imports against the layers: {@code from-package.Class -> to-package.Class}, each with why it stays. */
    private static final Map<String, String> ALLOWED = Map.of(
            "config.HttpLimitDefaults -> media.LimitsConfig",
            "the HTTP transport limits are derived from affectra.limits.* before the configuration is built");

    /** Known package cycles (outside the allowed imports above), each with why it stays. */
    private static final Map<String, String> ALLOWED_CYCLES = Map.of(
            "api, api.openai, api.problem",
            "the request filters answer in the shape of the route (problem+json or OpenAI errors), and both shapes carry the request id",
            "encoder, encoder.body, encoder.body.gesture, encoder.face",
            "the still-encoder SPI's result carries the face and body reports and EncodersConfig names the body settings, while face and"
                    + " body implement the SPI; the gesture rules read body tracks and the body encoder runs them",
            "gateway, gateway.media",
            "chat media becomes cues for a model route, and the conversation rewriter places those cues in the chat",
            "prompt, prompt.context",
            "PromptContexts binds each template task to its context record, and the records implement PromptContext");

    @Test
    void everyPackageBelongsToALayer() {
        Set<String> unplaced = MainSources.all().stream().map(s -> top(s.packageName())).filter(p -> layer(p) < 0)
                .collect(Collectors.toCollection(TreeSet::new));

        assertThat(unplaced).as("top-level packages without a layer: add them to LAYERS").isEmpty();
    }

    @Test
    void importsPointDownTheLayers() {
        Set<String> against = MainSources.references().stream()
                .filter(r -> layer(top(r.from())) >= 0 && layer(top(r.to())) >= 0 && layer(top(r.to())) < layer(top(r.from())))
                .map(Reference::describe)
                .collect(Collectors.toCollection(TreeSet::new));

        assertThat(against.stream().filter(r -> !ALLOWED.containsKey(r)).toList())
                .as("imports against the layers " + LAYERS).isEmpty();
        assertThat(ALLOWED.keySet().stream().filter(r -> !against.contains(r)).sorted().toList())
                .as("allowed imports that no longer occur: take them off the list").isEmpty();
    }

    @Test
    void evalMetricsNeverImportsEval() {
        assertThat(MainSources.references().stream().filter(r -> r.from().equals("eval.metrics") && r.to().equals("eval"))
                .map(Reference::describe).toList()).isEmpty();
    }

    @Test
    void noPackageCyclesButTheKnownOnes() {
        Set<String> cycles = cycles().stream().map(c -> String.join(", ", c)).collect(Collectors.toCollection(TreeSet::new));

        assertThat(cycles.stream().filter(c -> !ALLOWED_CYCLES.containsKey(c)).toList()).as("package cycles").isEmpty();
        assertThat(ALLOWED_CYCLES.keySet().stream().filter(c -> !cycles.contains(c)).sorted().toList())
                .as("allowed cycles that no longer exist: take them off the list").isEmpty();
    }

    private static String top(String packageName) {
        int dot = packageName.indexOf('.');
        return dot < 0 ? packageName : packageName.substring(0, dot);
    }

    private static int layer(String top) {
        return IntStream.range(0, LAYERS.size()).filter(i -> LAYERS.get(i).contains(top)).findFirst().orElse(-1);
    }

    /** The strongly connected package groups of more than one package (Tarjan), each sorted. */
    private static List<Set<String>> cycles() {
        Map<String, Set<String>> edges = new TreeMap<>();
        for (Reference r : MainSources.references()) {
            if (!ALLOWED.containsKey(r.describe())) {
                edges.computeIfAbsent(r.from(), k -> new TreeSet<>()).add(r.to());
                edges.computeIfAbsent(r.to(), k -> new TreeSet<>());
            }
        }
        return new Tarjan(edges).components().stream().filter(c -> c.size() > 1).toList();
    }

    private static final class Tarjan {

        private final Map<String, Set<String>> edges;
        private final Map<String, Integer> index = new HashMap<>();
        private final Map<String, Integer> low = new HashMap<>();
        private final Deque<String> stack = new ArrayDeque<>();
        private final Set<String> onStack = new TreeSet<>();
        private final List<Set<String>> components = new ArrayList<>();

        Tarjan(Map<String, Set<String>> edges) {
            this.edges = edges;
        }

        List<Set<String>> components() {
            edges.keySet().forEach(v -> {
                if (!index.containsKey(v)) {
                    visit(v);
                }
            });
            return components;
        }

        private void visit(String v) {
            index.put(v, index.size());
            low.put(v, index.get(v));
            stack.push(v);
            onStack.add(v);
            for (String w : edges.get(v)) {
                if (!index.containsKey(w)) {
                    visit(w);
                    low.put(v, Math.min(low.get(v), low.get(w)));
                } else if (onStack.contains(w)) {
                    low.put(v, Math.min(low.get(v), index.get(w)));
                }
            }
            if (low.get(v).equals(index.get(v))) {
                Set<String> component = new TreeSet<>();
                String w;
                do {
                    w = stack.pop();
                    onStack.remove(w);
                    component.add(w);
                } while (!w.equals(v));
                components.add(component);
            }
        }
    }
}

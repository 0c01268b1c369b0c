package io.affectra.experiment;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.affectra.eval.EvalCase;
import io.affectra.eval.metrics.CaseResult;
import io.affectra.eval.metrics.DatasetFormat;
import io.affectra.llm.BackendInfo;
import io.affectra.media.Sha256;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * An experiment as promptfoo's eval results file: what {@code promptfoo export eval} writes and {@code promptfoo import}
 * reads (results version 3, promptfoo 0.121). Each cell is a prompt (its templates, labelled like the cell without
 * the backend) answered by a provider (the backend); each case is a test whose vars are the case's media and text and
 * whose assertion is {@code equals} the expected answer; each trial is a result, the parsed answer as the output and
 * the backend's reply as the raw response. Repeats are further tests, as promptfoo numbers them.
 *
 * <p>The results are written as they are read, and each prompt's metrics and the totals after them (promptfoo reads
 * the whole file before it looks at either).
 */
final class PromptfooResults {

    /** The results layout promptfoo 0.121 exports and imports as the current one. */
    static final int RESULTS_VERSION = 3;
    private static final ObjectMapper JSON = new ObjectMapper().disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);

    private PromptfooResults() {
    }

    /** The eval id promptfoo files the experiment under. */
    static String evalId(String experimentId) {
        return "eval-affectra-" + experimentId;
    }

    /** A cell as promptfoo sees it: the prompt and the provider, and the prompt's metrics as trials go by. */
    private static final class Column {
        final Map<String, Object> prompt = new LinkedHashMap<>();
        final Map<String, Object> provider = new LinkedHashMap<>();
        final String providerName;
        final String promptId;
        final String label;
        final String raw;
        double score;
        int passes;
        int failures;
        int errors;
        long latencyMs;
        final Usage usage = new Usage();

        Column(Cell cell, String raw, BackendInfo backend) {
            this.label = cell.promptLabel();
            this.raw = raw;
            // promptfoo keys a prompt by the sha256 of its label (generateIdFromPrompt); results must name that id.
            this.promptId = Sha256.of(label);
            this.providerName = cell.backend();
            provider.put("id", providerId(backend, cell));
            provider.put("label", cell.backend());
            prompt.put("raw", raw);
            prompt.put("label", label);
        }
    }

    /** promptfoo's token usage: prompt, completion, cached, total and the number of requests. */
    private static final class Usage {
        long prompt;
        long completion;
        long cached;
        long requests;

        void add(CaseResult t) {
            prompt += t.promptTokens();
            completion += t.completionTokens();
            cached += t.trial().cacheHit() ? t.promptTokens() + t.completionTokens() : 0;
            requests += t.calls();
        }

        Map<String, Object> json() {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("prompt", prompt);
            m.put("completion", completion);
            m.put("cached", cached);
            m.put("total", prompt + completion);
            m.put("numRequests", requests);
            return m;
        }
    }

    static void write(ExperimentExport.Source source, OutputStream target) throws IOException {
        List<EvalCase> cases = source.cases();
        Map<String, Integer> caseIndex = new LinkedHashMap<>();
        List<Map<String, Object>> tests = new ArrayList<>();
        Set<String> varNames = new LinkedHashSet<>();
        for (EvalCase c : cases) {
            caseIndex.put(c.key(), tests.size());
            Map<String, Object> test = test(c);
            @SuppressWarnings("unchecked")
            Map<String, Object> vars = (Map<String, Object>) test.get("vars");
            varNames.addAll(vars.keySet());
            tests.add(test);
        }
        List<Column> columns = new ArrayList<>();
        for (Cell cell : source.cells()) {
            columns.add(new Column(cell, source.promptText.get(cell.id()), source.backends.get(cell.backend())));
        }
        int repeats = source.repeats();
        boolean open = source.format() == DatasetFormat.OPEN;

        JsonGenerator g = JSON.getFactory().createGenerator(new BufferedOutputStream(target, 1 << 16));
        g.writeStartObject();
        g.writeStringField("evalId", evalId(source.id()));
        g.writeFieldName("config");
        JSON.writeValue(g, config(source, columns, tests));
        g.writeFieldName("results");
        g.writeStartObject();
        g.writeNumberField("version", RESULTS_VERSION);
        g.writeStringField("timestamp", iso(source.createdAt()));
        g.writeFieldName("results");
        g.writeStartArray();
        Usage total = new Usage();
        int[] counts = new int[3]; // successes, failures, errors
        source.trials((i, cell, t) -> {
            Column col = columns.get(i);
            Integer index = caseIndex.get(t.key());
            Map<String, Object> test = index == null ? Map.of("description", t.key(), "vars", Map.of()) : tests.get(index);
            int testIdx = (index == null ? cases.size() : index) * repeats + t.trial().repeat();
            JSON.writeValue(g, result(source, cell, col, test, testIdx, i, t, open));
            total.add(t);
            col.usage.add(t);
            col.latencyMs += t.latencyMs();
            if (t.failed()) {
                col.errors++;
                counts[2]++;
            } else if (t.correct()) {
                col.passes++;
                col.score++;
                counts[0]++;
            } else {
                col.failures++;
                counts[1]++;
            }
        });
        g.writeEndArray();
        g.writeFieldName("prompts");
        g.writeStartArray();
        for (Column col : columns) {
            JSON.writeValue(g, completedPrompt(col));
        }
        g.writeEndArray();
        Map<String, Object> stats = new LinkedHashMap<>();
        stats.put("successes", counts[0]);
        stats.put("failures", counts[1]);
        stats.put("errors", counts[2]);
        stats.put("tokenUsage", total.json());
        if (source.completedAt() != null && source.createdAt() != null) {
            stats.put("durationMs", source.completedAt().toEpochMilli() - source.createdAt().toEpochMilli());
        }
        g.writeObjectField("stats", stats);
        g.writeEndObject();
        g.writeNullField("shareableUrl");
        Map<String, Object> metadata = new LinkedHashMap<>();
        metadata.put("exporter", "affectra");
        metadata.put("exportedAt", Instant.now().toString());
        metadata.put("evaluationCreatedAt", iso(source.createdAt()));
        g.writeObjectField("metadata", metadata);
        g.writeObjectField("vars", List.copyOf(varNames));
        g.writeObjectField("runtimeOptions", Map.of("repeat", repeats));
        g.writeEndObject();
        g.flush();
    }

    /** A case as a promptfoo test: its media and text (and question) as vars, its expected answer as an equals assertion. */
    private static Map<String, Object> test(EvalCase c) {
        Map<String, Object> vars = new LinkedHashMap<>();
        putIfSet(vars, "media", c.media());
        putIfSet(vars, "text", c.text());
        putIfSet(vars, "question", c.question());
        if (!c.choices().isEmpty()) {
            vars.put("choices", String.join("\n", c.choices()));
        }
        Map<String, Object> test = new LinkedHashMap<>();
        test.put("description", c.key());
        test.put("vars", vars);
        test.put("assert", c.expected() == null ? List.of() : List.of(pair("type", "equals", "value", c.expected())));
        Map<String, Object> metadata = new LinkedHashMap<>();
        metadata.put("caseKey", c.key());
        putIfSet(metadata, "itemId", c.itemId());
        putIfSet(metadata, "category", c.category());
        putIfSet(metadata, "subcategory", c.subcategory());
        putIfSet(metadata, "role", c.role());
        test.put("metadata", metadata);
        return test;
    }

    private static Map<String, Object> config(ExperimentExport.Source source, List<Column> columns, List<Map<String, Object>> tests) {
        Map<String, Map<String, Object>> prompts = new LinkedHashMap<>();
        Map<String, Map<String, Object>> providers = new LinkedHashMap<>();
        for (Column col : columns) {
            prompts.putIfAbsent(col.label, pair("raw", col.raw, "label", col.label));
            providers.computeIfAbsent(col.providerName, n -> {
                Map<String, Object> p = new LinkedHashMap<>(col.provider);
                BackendInfo info = source.backends.get(n);
                if (info != null && info.baseUrl() != null) {
                    p.put("config", Map.of("apiBaseUrl", info.baseUrl()));
                }
                return p;
            });
        }
        Map<String, Object> affectra = new LinkedHashMap<>();
        affectra.put("experimentId", source.id());
        affectra.put("status", source.record.status);
        affectra.put("format", source.format().id());
        affectra.put("baseline", source.planned.baseline());
        affectra.put("datasetSha256", source.record.datasetSha256);
        affectra.put("spec", tree(SpecReader.write(source.planned.spec())));
        Map<String, Object> config = new LinkedHashMap<>();
        config.put("description", source.name());
        config.put("prompts", List.copyOf(prompts.values()));
        config.put("providers", List.copyOf(providers.values()));
        config.put("tests", tests);
        config.put("metadata", Map.of("affectra", affectra));
        return config;
    }

    private static Map<String, Object> result(ExperimentExport.Source source, Cell cell, Column col, Map<String, Object> test, int testIdx,
            int promptIdx, CaseResult t, boolean open) {
        boolean success = !t.failed() && t.correct();
        Usage one = new Usage();
        one.add(t);
        Map<String, Object> usage = one.json();
        Map<String, Object> response = new LinkedHashMap<>();
        if (t.failed()) {
            response.put("error", t.error());
        } else {
            response.put("output", t.answer() == null ? "" : t.answer());
            response.put("raw", t.rawReply());
        }
        response.put("cached", t.trial().cacheHit());
        response.put("tokenUsage", usage);
        Map<String, Object> namedScores = new LinkedHashMap<>();
        if (open && t.clueOverlap() != null) {
            namedScores.put("clueOverlap", t.clueOverlap());
        }
        if (open && t.labelOverlap() != null) {
            namedScores.put("labelOverlap", t.labelOverlap());
        }
        Map<String, Object> r = new LinkedHashMap<>();
        r.put("promptIdx", promptIdx);
        r.put("testIdx", testIdx);
        r.put("testCase", test);
        r.put("promptId", col.promptId);
        r.put("provider", col.provider);
        r.put("prompt", pair("raw", renderedPrompt(t.detail(), col.raw), "label", col.label));
        r.put("vars", test.get("vars"));
        r.put("response", response);
        r.put("error", t.error());
        // promptfoo's ResultFailureReason: 0 none, 1 an assertion failed, 2 the call failed.
        r.put("failureReason", t.failed() ? 2 : success ? 0 : 1);
        r.put("success", success);
        r.put("score", success ? 1 : 0);
        r.put("latencyMs", t.latencyMs());
        r.put("gradingResult", t.failed() ? null : grading(t, test, success, namedScores));
        r.put("namedScores", namedScores);
        r.put("cost", 0);
        Map<String, Object> affectra = new LinkedHashMap<>();
        affectra.put("experimentId", source.id());
        affectra.put("cell", cell.id());
        affectra.put("caseKey", t.key());
        affectra.put("repeat", t.trial().repeat());
        affectra.put("cacheHit", t.trial().cacheHit());
        affectra.put("variant", cell.variant().name());
        affectra.put("variantSha256", t.trial().variantSha256() != null ? t.trial().variantSha256() : cell.variant().sha256());
        affectra.put("strategy", cell.strategy());
        affectra.put("ablation", cell.ablation().isNone() ? null : cell.ablation().name());
        r.put("metadata", Map.of("affectra", affectra));
        r.put("tokenUsage", usage);
        return r;
    }

    private static Map<String, Object> grading(CaseResult t, Map<String, Object> test, boolean success, Map<String, Object> namedScores) {
        String reason = t.answer() == null ? "the reply could not be read as an answer"
                : success ? "answer '" + t.answer() + "' equals the expected '" + t.expected() + "'"
                        : "answer '" + t.answer() + "', expected '" + t.expected() + "'";
        Map<String, Object> component = new LinkedHashMap<>();
        component.put("pass", success);
        component.put("score", success ? 1 : 0);
        component.put("reason", reason);
        Object assertions = test.get("assert");
        if (assertions instanceof List<?> list && !list.isEmpty()) {
            component.put("assertion", list.get(0));
        }
        Map<String, Object> g = new LinkedHashMap<>();
        g.put("pass", success);
        g.put("score", success ? 1 : 0);
        g.put("reason", reason);
        g.put("namedScores", namedScores);
        g.put("componentResults", List.of(component));
        return g;
    }

    private static Map<String, Object> completedPrompt(Column col) {
        Map<String, Object> metrics = new LinkedHashMap<>();
        metrics.put("score", col.score);
        metrics.put("testPassCount", col.passes);
        metrics.put("testFailCount", col.failures);
        metrics.put("testErrorCount", col.errors);
        metrics.put("assertPassCount", col.passes);
        metrics.put("assertFailCount", col.failures);
        metrics.put("totalLatencyMs", col.latencyMs);
        metrics.put("tokenUsage", col.usage.json());
        metrics.put("namedScores", Map.of());
        metrics.put("namedScoresCount", Map.of());
        metrics.put("cost", 0);
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("id", col.promptId);
        p.put("raw", col.raw);
        p.put("label", col.label);
        p.put("provider", col.providerName);
        p.put("metrics", metrics);
        return p;
    }

    /** promptfoo names providers {@code <kind>:chat:<model>}; the offline reasoner is Affectra's own. */
    private static String providerId(BackendInfo backend, Cell cell) {
        if (backend == null) {
            return "affectra:" + cell.backend();
        }
        return switch (backend.kind()) {
            case OPENAI -> "openai:chat:" + backend.model();
            case OLLAMA -> "ollama:chat:" + backend.model();
            case LOCAL -> "affectra:" + backend.name();
        };
    }

    /**
     * What the trial sent: each step's rendered user message as its detail records it (the system message is the
     * template's, fixed by its hash); the cell's templates when the detail has no steps.
     */
    private static String renderedPrompt(String detail, String fallback) {
        JsonNode steps = detail == null ? null : tree(detail).path("steps");
        if (steps == null || !steps.isArray() || steps.isEmpty()) {
            return fallback;
        }
        if (steps.size() == 1) {
            return steps.get(0).path("prompt").asText(fallback);
        }
        List<String> parts = new ArrayList<>();
        steps.forEach(s -> parts.add("--- " + s.path("step").asText() + " ---\n" + s.path("prompt").asText("")));
        return String.join("\n\n", parts);
    }

    /** Two entries in this order (JSON keys in a stable order make exports comparable). */
    private static Map<String, Object> pair(String k1, Object v1, String k2, Object v2) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put(k1, v1);
        m.put(k2, v2);
        return m;
    }

    private static void putIfSet(Map<String, Object> map, String key, String value) {
        if (value != null) {
            map.put(key, value);
        }
    }

    private static String iso(Instant at) {
        return (at == null ? Instant.EPOCH : at).toString();
    }

    private static JsonNode tree(String json) {
        try {
            return JSON.readTree(json);
        } catch (JsonProcessingException e) {
            return JSON.getNodeFactory().textNode(json);
        }
    }
}

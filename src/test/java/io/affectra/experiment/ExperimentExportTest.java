package io.affectra.experiment;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.affectra.eval.EvaluationRunner;
import io.affectra.media.Sha256;
import io.affectra.testing.PromptfooCli;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Experiment exports over real HTTP: a small experiment on the offline reasoner over the shipped photographs (two
 * cells, two repeats), downloaded as CSV, JSONL and promptfoo's results file, each checked trial by trial against what
 * the experiment reports; and a run whose backend is down, stopped part way, exported as far as it got.
 */
@QuarkusTest
class ExperimentExportTest {

    /** Local reasoner, with and without the face, two repeats; the params only make the CSV quote a field. */
    static final String SPEC = """
            name: photos-local
            format: label
            mediaDir: src/test/resources/media
            labels: [happiness, neutral, sadness, anger]
            backends: [local]
            strategies: [direct]
            params:
              temperature: [0.0]
              seed: [7]
            ablations: [-face]
            repeats: 2
            concurrency: 1
            """;

    static final ObjectMapper JSON = new ObjectMapper();

    private static String completed;

    @Inject
    EvaluationRunner runner;

    @Inject
    ExperimentExport exports;

    static String submit(String spec) {
        return given().multiPart("spec", spec, "application/yaml")
                .multiPart("dataset", "photos.jsonl", ExperimentApiTest.PHOTOS.getBytes(StandardCharsets.UTF_8), "application/x-ndjson")
                .when().post("/v1/experiments").then().statusCode(202).extract().path("id");
    }

    /** The completed local experiment, run once for the class. */
    String completed() throws InterruptedException {
        if (completed == null) {
            String id = submit(SPEC);
            assertThat(runner.await(id, Duration.ofMinutes(5))).isTrue();
            completed = id;
        }
        return completed;
    }

    static Response export(String id, String format) {
        return given().when().get("/v1/experiments/" + id + "/export?format=" + format).then().statusCode(200).extract().response();
    }

    @Test
    void csvHasOneQuotedRowPerTrial() throws InterruptedException {
        String id = completed();
        JsonPath view = given().when().get("/v1/experiments/" + id).then().statusCode(200).extract().jsonPath();
        assertThat(view.getString("status")).isEqualTo("completed");

        Response csv = export(id, "csv");
        assertThat(csv.contentType()).startsWith("text/csv");
        assertThat(csv.header("Content-Disposition")).isEqualTo("attachment; filename=\"experiment-" + id + ".csv\"");
        String body = csv.asString();
        assertThat(body).contains("\r\n");
        List<List<String>> rows = parseCsv(body);
        assertThat(rows.get(0)).containsExactlyElementsOf(TrialRow.COLUMNS);
        List<List<String>> trials = rows.subList(1, rows.size());
        assertThat(trials).hasSize(12); // 3 photographs x 2 cells x 2 repeats
        assertThat(trials).allSatisfy(r -> assertThat(r).hasSize(TrialRow.COLUMNS.size()));

        Map<String, Integer> col = new HashMap<>();
        for (int i = 0; i < TrialRow.COLUMNS.size(); i++) {
            col.put(TrialRow.COLUMNS.get(i), i);
        }
        assertThat(trials).extracting(r -> r.get(col.get("experimentId"))).containsOnly(id);
        assertThat(trials).extracting(r -> r.get(col.get("cellId"))).containsExactly("c1", "c1", "c1", "c1", "c1", "c1", "c2", "c2", "c2", "c2",
                "c2", "c2");
        // Each cell's trials by repeat, then case.
        assertThat(trials.subList(0, 6)).extracting(r -> r.get(col.get("repeat")) + "/" + r.get(col.get("caseKey")))
                .containsExactly("0/p1", "0/p2", "0/p3", "1/p1", "1/p2", "1/p3");
        assertThat(trials).extracting(r -> r.get(col.get("backend"))).containsOnly("local");
        assertThat(trials).extracting(r -> r.get(col.get("strategy"))).containsOnly("direct");
        assertThat(trials).extracting(r -> r.get(col.get("category"))).containsOnly("photo");
        // The params column is JSON with a comma and quotes: quoted in the file, intact once read.
        assertThat(body).contains("\"{\"\"temperature\"\":0.0,\"\"seed\"\":7}\"");
        assertThat(trials).extracting(r -> r.get(col.get("params"))).containsOnly("{\"temperature\":0.0,\"seed\":7}");
        assertThat(trials.subList(0, 6)).extracting(r -> r.get(col.get("ablation"))).containsOnly("");
        assertThat(trials.subList(6, 12)).extracting(r -> r.get(col.get("ablation"))).containsOnly("-face");
        assertThat(trials.get(0).get(col.get("cellLabel"))).isEqualTo(view.getString("cells[0].label"));

        // The CSV says what the experiment says: per cell, as many right answers and cache hits.
        for (int cell = 0; cell < 2; cell++) {
            String cellId = "c" + (cell + 1);
            List<List<String>> own = trials.stream().filter(r -> r.get(col.get("cellId")).equals(cellId)).toList();
            long right = own.stream().filter(r -> r.get(col.get("correct")).equals("true")).count();
            long hits = own.stream().filter(r -> r.get(col.get("cacheHit")).equals("true")).count();
            assertThat(right / 6.0).isCloseTo(view.getDouble("cells[" + cell + "].metrics.accuracy"), org.assertj.core.data.Offset.offset(1e-6));
            assertThat(hits).isEqualTo(view.getLong("cells[" + cell + "].cacheHits"));
            assertThat(own).allSatisfy(r -> {
                assertThat(r.get(col.get("expected"))).isIn("happiness", "neutral");
                assertThat(r.get(col.get("answer"))).isIn("happiness", "neutral", "sadness", "anger");
                assertThat(r.get(col.get("correct"))).isEqualTo(String.valueOf(r.get(col.get("answer")).equals(r.get(col.get("expected")))));
                assertThat(r.get(col.get("error"))).isEmpty();
                assertThat(r.get(col.get("variantSha256"))).isEmpty(); // the shipped templates
            });
        }
    }

    /** Trials read one, five or six at a time (a cell has six: pages that end short, and one that ends exactly) make the same file. */
    @Test
    void pagedReadsGiveTheSameFile() throws Exception {
        String id = completed();
        for (ExportFormat format : List.of(ExportFormat.CSV, ExportFormat.JSONL)) {
            String whole = export(id, format.id()).asString();
            for (int pageSize : List.of(1, 5, 6)) {
                ByteArrayOutputStream out = new ByteArrayOutputStream();
                exports.download(id, format, pageSize).body().writeTo(out);
                assertThat(out.toString(StandardCharsets.UTF_8)).as(format + " in pages of " + pageSize).isEqualTo(whole);
            }
        }
    }

    @Test
    void jsonlHasTheSameFieldsPlusRawReplyAndDetail() throws Exception {
        String id = completed();
        Response jsonl = export(id, "jsonl");
        assertThat(jsonl.contentType()).startsWith("application/x-ndjson");
        assertThat(jsonl.header("Content-Disposition")).isEqualTo("attachment; filename=\"experiment-" + id + ".jsonl\"");
        String[] lines = jsonl.asString().split("\n");
        assertThat(lines).hasSize(12);
        List<List<String>> csv = parseCsv(export(id, "csv").asString());
        for (int i = 0; i < lines.length; i++) {
            JsonNode line = JSON.readTree(lines[i]);
            List<String> keys = new ArrayList<>();
            line.fieldNames().forEachRemaining(keys::add);
            List<String> expected = new ArrayList<>(TrialRow.COLUMNS);
            expected.addAll(List.of("rawReply", "detail"));
            assertThat(keys).containsExactlyElementsOf(expected);
            // Line i is CSV row i, field by field.
            List<String> row = csv.get(i + 1);
            assertThat(line.get("cellId").asText()).isEqualTo(row.get(TrialRow.COLUMNS.indexOf("cellId")));
            assertThat(line.get("caseKey").asText()).isEqualTo(row.get(TrialRow.COLUMNS.indexOf("caseKey")));
            assertThat(line.get("repeat").asInt()).isEqualTo(Integer.parseInt(row.get(TrialRow.COLUMNS.indexOf("repeat"))));
            assertThat(line.get("answer").asText()).isEqualTo(row.get(TrialRow.COLUMNS.indexOf("answer")));
            assertThat(line.get("correct").asBoolean()).isEqualTo(Boolean.parseBoolean(row.get(TrialRow.COLUMNS.indexOf("correct"))));
            assertThat(line.get("params").get("seed").asLong()).isEqualTo(7);
            assertThat(line.get("error").isNull()).isTrue();
            // The raw reply is the backend's JSON answer, and the detail holds the prompt the trial sent.
            assertThat(JSON.readTree(line.get("rawReply").asText()).get("label").asText()).isEqualTo(line.get("answer").asText());
            assertThat(line.get("detail").get("prompt").get("id").asText()).isEqualTo("emotion/direct");
            assertThat(line.get("detail").get("steps").get(0).get("prompt").asText()).contains("Cues (");
        }
        assertThat(JSON.readTree(lines[0]).get("detail").get("steps").get(0).get("prompt").asText()).contains("face_expression>");
        assertThat(JSON.readTree(lines[6]).get("detail").get("steps").get(0).get("prompt").asText()).doesNotContain("face_expression>");
    }

    @Test
    void promptfooResultsMapCellsToPromptsAndProvidersAndTrialsToResults() throws Exception {
        String id = completed();
        Response file = export(id, "promptfoo");
        assertThat(file.contentType()).startsWith("application/json");
        assertThat(file.header("Content-Disposition")).isEqualTo("attachment; filename=\"experiment-" + id + ".promptfoo.json\"");
        JsonNode pf = JSON.readTree(file.asString());
        checkPromptfooResults(pf, id, 12, 2);

        JsonNode results = pf.get("results");
        List<String> jsonl = List.of(export(id, "jsonl").asString().split("\n"));
        Map<String, JsonNode> trials = new HashMap<>();
        for (String l : jsonl) {
            JsonNode t = JSON.readTree(l);
            trials.put(t.get("cellId").asText() + "/" + t.get("caseKey").asText() + "/" + t.get("repeat").asInt(), t);
        }
        Set<String> slots = new HashSet<>();
        for (JsonNode r : results.get("results")) {
            JsonNode meta = r.get("metadata").get("affectra");
            JsonNode t = trials.get(meta.get("cell").asText() + "/" + meta.get("caseKey").asText() + "/" + meta.get("repeat").asInt());
            assertThat(t).isNotNull();
            assertThat(r.get("success").asBoolean()).isEqualTo(t.get("correct").asBoolean());
            assertThat(r.get("score").asDouble()).isEqualTo(t.get("correct").asBoolean() ? 1.0 : 0.0);
            assertThat(r.get("failureReason").asInt()).isEqualTo(t.get("correct").asBoolean() ? 0 : 1);
            assertThat(r.get("response").get("output").asText()).isEqualTo(t.get("answer").asText());
            assertThat(r.get("response").get("raw").asText()).isEqualTo(t.get("rawReply").asText());
            assertThat(r.get("latencyMs").asLong()).isEqualTo(t.get("latencyMs").asLong());
            assertThat(r.get("tokenUsage").get("prompt").asInt()).isEqualTo(t.get("promptTokens").asInt());
            assertThat(r.get("gradingResult").get("pass").asBoolean()).isEqualTo(r.get("success").asBoolean());
            assertThat(r.get("gradingResult").get("componentResults").get(0).get("assertion").get("value").asText())
                    .isEqualTo(t.get("expected").asText());
            assertThat(r.get("testCase").get("vars").get("media").asText()).startsWith("sample");
            assertThat(r.get("vars")).isEqualTo(r.get("testCase").get("vars"));
            assertThat(r.get("prompt").get("raw").asText()).contains("Cues (");
            // Cell 1 is prompt 0; a case's repeats are tests of their own, as promptfoo numbers them.
            int promptIdx = r.get("promptIdx").asInt();
            assertThat(promptIdx).isEqualTo(Integer.parseInt(meta.get("cell").asText().substring(1)) - 1);
            int caseIdx = List.of("p1", "p2", "p3").indexOf(meta.get("caseKey").asText());
            assertThat(r.get("testIdx").asInt()).isEqualTo(caseIdx * 2 + meta.get("repeat").asInt());
            assertThat(slots.add(promptIdx + "/" + r.get("testIdx").asInt())).isTrue();
        }
        JsonNode prompts = results.get("prompts");
        assertThat(prompts.get(0).get("label").asText()).isEqualTo("shipped | direct | t=0.0 | seed=7");
        assertThat(prompts.get(1).get("label").asText()).isEqualTo("shipped | direct | t=0.0 | seed=7 | -face");
        assertThat(prompts.get(0).get("raw").asText()).contains("[system]").contains("You are an emotion-recognition assistant");
        JsonNode view = JSON.readTree(given().when().get("/v1/experiments/" + id).then().extract().asString());
        for (int cell = 0; cell < 2; cell++) {
            double accuracy = view.get("cells").get(cell).get("metrics").get("accuracy").asDouble();
            assertThat(prompts.get(cell).get("metrics").get("score").asDouble()).isCloseTo(accuracy * 6, org.assertj.core.data.Offset.offset(1e-5));
        }
        assertThat(pf.get("config").get("metadata").get("affectra").get("spec").get("name").asText()).isEqualTo("photos-local");
    }

    @Test
    void aStoppedExperimentExportsTheTrialsItStored() throws Exception {
        // The backend 'down' refuses connections: after affectra.eval.max-consecutive-errors (10) failed trials the
        // run stops as failed, two of its twelve trials never run.
        String id = submit("""
                name: down
                format: label
                mediaDir: src/test/resources/media
                backends: [down]
                repeats: 4
                concurrency: 1
                cache: false
                """);
        assertThat(runner.await(id, Duration.ofMinutes(5))).isTrue();
        JsonPath view = given().when().get("/v1/experiments/" + id).then().statusCode(200).extract().jsonPath();
        assertThat(view.getString("status")).isEqualTo("failed");
        int stored = view.getInt("progress.done");
        assertThat(stored).isBetween(1, 11);

        List<List<String>> csv = parseCsv(export(id, "csv").asString());
        assertThat(csv).hasSize(stored + 1);
        int error = TrialRow.COLUMNS.indexOf("error");
        assertThat(csv.subList(1, csv.size())).allSatisfy(r -> {
            assertThat(r.get(error)).isNotEmpty();
            assertThat(r.get(TrialRow.COLUMNS.indexOf("answer"))).isEmpty();
            assertThat(r.get(TrialRow.COLUMNS.indexOf("correct"))).isEqualTo("false");
        });

        JsonNode pf = JSON.readTree(export(id, "promptfoo").asString());
        checkPromptfooResults(pf, id, stored, 1);
        assertThat(pf.get("results").get("stats").get("errors").asInt()).isEqualTo(stored);
        for (JsonNode r : pf.get("results").get("results")) {
            assertThat(r.get("failureReason").asInt()).isEqualTo(2);
            assertThat(r.get("success").asBoolean()).isFalse();
            assertThat(r.get("error").asText()).isNotEmpty();
            assertThat(r.get("response").get("error").asText()).isEqualTo(r.get("error").asText());
            assertThat(r.get("gradingResult").isNull()).isTrue();
        }
        assertThat(pf.get("results").get("prompts").get(0).get("metrics").get("testErrorCount").asInt()).isEqualTo(stored);
    }

    /** The real check: promptfoo itself imports the file, lists the eval and exports it back with every result. */
    @Test
    void promptfooImportsTheExport(@TempDir Path work) throws Exception {
        PromptfooCli promptfoo = PromptfooCli.find(work);
        String id = completed();
        Path file = work.resolve("experiment.promptfoo.json");
        Files.write(file, export(id, "promptfoo").asByteArray());
        String evalId = "eval-affectra-" + id;

        PromptfooCli.Result imported = promptfoo.run(5, "import", file.toString());
        assertThat(imported.exit()).as(imported.output()).isZero();
        assertThat(imported.output()).contains(evalId).doesNotContain("Failed to import");

        PromptfooCli.Result listed = promptfoo.run(5, "list", "evals", "--ids-only");
        assertThat(listed.exit()).as(listed.output()).isZero();
        assertThat(listed.output()).contains(evalId);

        Path back = work.resolve("back.json");
        PromptfooCli.Result exported = promptfoo.run(5, "export", "eval", evalId, "-o", back.toString());
        assertThat(exported.exit()).as(exported.output()).isZero();
        JsonNode read = JSON.readTree(back.toFile());
        assertThat(read.get("evalId").asText()).isEqualTo(evalId);
        JsonNode results = read.get("results");
        assertThat(results.get("version").asInt()).isEqualTo(3);
        assertThat(results.get("results")).hasSize(12);
        assertThat(results.get("prompts")).hasSize(2);
        JsonNode ours = JSON.readTree(export(id, "promptfoo").asString()).get("results");
        // promptfoo recounts the stats from the imported results: they agree with ours.
        assertThat(results.get("stats").get("successes").asInt()).isEqualTo(ours.get("stats").get("successes").asInt());
        assertThat(results.get("stats").get("failures").asInt()).isEqualTo(ours.get("stats").get("failures").asInt());
        Set<String> outputs = new HashSet<>();
        results.get("results").forEach(r -> outputs.add(r.get("promptIdx").asInt() + "/" + r.get("testIdx").asInt() + "="
                + r.get("response").get("output").asText() + "/" + r.get("success").asBoolean()));
        Set<String> expected = new HashSet<>();
        ours.get("results").forEach(r -> expected.add(r.get("promptIdx").asInt() + "/" + r.get("testIdx").asInt() + "="
                + r.get("response").get("output").asText() + "/" + r.get("success").asBoolean()));
        assertThat(outputs).isEqualTo(expected);
        assertThat(results.get("prompts").get(0).get("label").asText()).isEqualTo(ours.get("prompts").get(0).get("label").asText());
        assertThat(results.get("prompts").get(0).get("provider").asText()).isEqualTo("local");

        // The same file again is refused by promptfoo (the id is taken), which shows the id is the one it keeps.
        PromptfooCli.Result again = promptfoo.run(5, "import", file.toString());
        assertThat(again.exit()).isNotZero();
        assertThat(again.output()).contains(evalId + " already exists");
    }

    @Test
    void badExportRequestsAreRefused() throws InterruptedException {
        String id = completed();
        given().when().get("/v1/experiments/" + id + "/export?format=xlsx").then().statusCode(400).contentType("application/problem+json")
                .body("type", org.hamcrest.Matchers.endsWith(":invalid-query")).body("detail", org.hamcrest.Matchers.containsString("promptfoo"));
        given().when().get("/v1/experiments/no-such-id/export?format=csv").then().statusCode(404)
                .body("type", org.hamcrest.Matchers.endsWith(":experiment-not-found"));
    }

    /** The shape {@code promptfoo import} reads (results version 3), counted against the experiment. */
    static void checkPromptfooResults(JsonNode pf, String id, int trials, int cells) {
        assertThat(pf.get("evalId").asText()).isEqualTo("eval-affectra-" + id);
        JsonNode results = pf.get("results");
        assertThat(results.get("version").asInt()).isEqualTo(3);
        assertThat(results.get("timestamp").asText()).isNotEmpty();
        assertThat(results.get("results")).hasSize(trials);
        assertThat(results.get("prompts")).hasSize(cells);
        JsonNode stats = results.get("stats");
        assertThat(stats.get("successes").asInt() + stats.get("failures").asInt() + stats.get("errors").asInt()).isEqualTo(trials);
        int passes = 0;
        for (JsonNode p : results.get("prompts")) {
            // promptfoo identifies a prompt by the sha256 of its label; every result must name one of these.
            assertThat(p.get("id").asText()).isEqualTo(Sha256.of(p.get("label").asText()));
            assertThat(p.get("provider").asText()).isNotEmpty();
            passes += p.get("metrics").get("testPassCount").asInt();
        }
        assertThat(passes).isEqualTo(stats.get("successes").asInt());
        Set<String> promptIds = new HashSet<>();
        results.get("prompts").forEach(p -> promptIds.add(p.get("id").asText()));
        for (JsonNode r : results.get("results")) {
            assertThat(promptIds).contains(r.get("promptId").asText());
            assertThat(results.get("prompts").get(r.get("promptIdx").asInt()).get("id").asText()).isEqualTo(r.get("promptId").asText());
            assertThat(r.get("provider").get("label").asText()).isEqualTo(results.get("prompts").get(r.get("promptIdx").asInt()).get("provider")
                    .asText());
            assertThat(r.has("testCase") && r.has("prompt") && r.has("response") && r.has("namedScores")).isTrue();
        }
        JsonNode config = pf.get("config");
        assertThat(config.get("tests")).hasSize(3);
        assertThat(config.get("tests").get(0).get("assert").get(0).get("type").asText()).isEqualTo("equals");
        assertThat(config.get("providers")).isNotEmpty();
        assertThat(pf.get("metadata").get("evaluationCreatedAt").asText()).isNotEmpty();
    }

    /** RFC 4180: fields split on commas outside quotes, "" inside quotes is one quote, records end with CRLF. */
    static List<List<String>> parseCsv(String text) {
        List<List<String>> rows = new ArrayList<>();
        List<String> row = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < text.length(); i++) {
            char ch = text.charAt(i);
            if (quoted) {
                if (ch == '"' && i + 1 < text.length() && text.charAt(i + 1) == '"') {
                    field.append('"');
                    i++;
                } else if (ch == '"') {
                    quoted = false;
                } else {
                    field.append(ch);
                }
            } else if (ch == '"') {
                quoted = true;
            } else if (ch == ',') {
                row.add(field.toString());
                field.setLength(0);
            } else if (ch == '\r' && i + 1 < text.length() && text.charAt(i + 1) == '\n') {
                row.add(field.toString());
                field.setLength(0);
                rows.add(row);
                row = new ArrayList<>();
                i++;
            } else {
                field.append(ch);
            }
        }
        assertThat(field.length() == 0 && row.isEmpty()).as("the file ends with CRLF").isTrue();
        return rows;
    }
}

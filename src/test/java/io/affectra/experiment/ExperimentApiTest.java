package io.affectra.experiment;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import io.affectra.eval.EvaluationRunner;
import io.affectra.testing.OpenAiStub;
import io.affectra.testing.OpenAiStubResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Experiments over real HTTP against the OpenAI-compatible stub on loopback (two backends, {@code stub} and
 * {@code stub-fast}, on it), over the shipped photographs: cells, the variants' own prompt text, the cue cache, the
 * ablation, the completion cache's accounting, gates, dry runs and a halted run resumed with every trial once.
 */
@QuarkusTest
@QuarkusTestResource(value = OpenAiStubResource.class, restrictToAnnotatedClass = true)
class ExperimentApiTest {

    static final String PHOTOS = """
            {"id": "p1", "media": "sample1.jpg", "label": "happiness", "category": "photo"}
            {"id": "p2", "media": "sample2.jpg", "label": "neutral", "category": "photo"}
            {"id": "p3", "media": "sample3.jpg", "label": "happiness", "category": "photo"}
            """;

    /** 2 variants x 2 backends x 2 strategies, each also without the face: 16 cells. */
    static final String SPEC = """
            name: photos
            format: label
            mediaDir: src/test/resources/media
            labels: [happiness, neutral, sadness, anger]
            variants:
              - emotion/direct@1
              - id: emotion/terse
                extends: emotion/direct
                system: |
                  TERSE-VARIANT. Pick one of {labels}. Cite cue ids. Reply with JSON following {schema}
            backends: [stub, stub-fast]
            strategies: [direct, emo-llama]
            ablations: [-face]
            concurrency: 1
            gates:
              - accuracy >= 0.0
              - c1 accuracy >= 0.99
            """;

    OpenAiStub stub;

    @Inject
    EvaluationRunner runner;

    @AfterEach
    void reset() {
        stub.reset();
    }

    /** Happiness when the prompt shows a face expression, neutral when it does not: the ablation must matter. */
    static OpenAiStub.Response answer(OpenAiStub.RecordedRequest r) {
        // An expression cue line ends with its models, "<emotion+face_expression>"; the system prompt's example id [F1.expr] does not count.
        String label = r.body().contains("face_expression>") ? "happiness" : "neutral";
        return OpenAiStub.Response.ok(OpenAiStub.chatCompletion("{\"label\": \"" + label + "\", \"confidence\": 0.7, \"reasoning\": \"r\", \"cueIds\": []}",
                40, 8));
    }

    static String submit(String spec) {
        return given().multiPart("spec", spec, "application/yaml")
                .multiPart("dataset", "photos.jsonl", PHOTOS.getBytes(StandardCharsets.UTF_8), "application/x-ndjson")
                .when().post("/v1/experiments").then().statusCode(202)
                .body("status", equalTo("running")).extract().path("id");
    }

    JsonPath finish(String id) throws InterruptedException {
        assertThat(runner.await(id, Duration.ofMinutes(5))).isTrue();
        return given().when().get("/v1/experiments/" + id).then().statusCode(200).extract().jsonPath();
    }

    @Test
    void aFullGridRunsEveryCellOverTheSameEvidence() throws InterruptedException {
        stub.answerWith(ExperimentApiTest::answer);
        // A label set of its own: the completion cache is the server's, and no other test may have filled it for these prompts.
        String spec = SPEC.replace("labels: [happiness, neutral, sadness, anger]", "labels: [happiness, neutral, sadness, anger, fear]");
        JsonPath submitted = given().multiPart("spec", spec, "application/yaml")
                .multiPart("dataset", "photos.jsonl", PHOTOS.getBytes(StandardCharsets.UTF_8), "application/x-ndjson")
                .when().post("/v1/experiments").then().statusCode(202).extract().jsonPath();
        assertThat(submitted.getInt("cells")).isEqualTo(16);
        assertThat(submitted.getInt("trials")).isEqualTo(48);

        JsonPath run = finish(submitted.getString("id"));

        assertThat(run.getString("status")).isEqualTo("completed");
        assertThat(run.getList("cells")).hasSize(16);
        assertThat(run.getList("cells.trials", Integer.class)).containsOnly(3);
        assertThat(run.getInt("progress.done")).isEqualTo(48);
        // Cell order: variant, backend, strategy, ablation.
        assertThat(run.getString("cells[0].label")).isEqualTo("emotion/direct@1 | stub | direct");
        assertThat(run.getString("cells[1].ablation")).isEqualTo("-face");
        assertThat(run.getString("cells[8].variant.name")).isEqualTo("emotion/terse");

        // The encoders ran once per photograph and option set (with and without facial priors), and never again.
        assertThat(run.getLong("cueCache.misses")).isEqualTo(6);
        assertThat(run.getLong("cueCache.hits")).isEqualTo(42);

        // Each variant's own text reached the backend: the inline one in every one of its 24 trials that asked.
        List<OpenAiStub.RecordedRequest> requests = stub.requests();
        int cacheHits = run.getList("cells.cacheHits", Integer.class).stream().mapToInt(Integer::intValue).sum();
        assertThat(requests).hasSize(48 - cacheHits);
        assertThat(cacheHits).isPositive(); // direct and emo-llama without the face render the same prompt
        long terse = requests.stream().filter(r -> r.body().contains("TERSE-VARIANT")).count();
        long shipped = requests.stream().filter(r -> r.body().contains("You are an emotion-recognition assistant")).count();
        assertThat(terse + shipped).isEqualTo(requests.size());
        assertThat(terse).isPositive();
        assertThat(shipped).isPositive();

        // Comparisons: every other cell against c1, with an interval, an exact McNemar p and Holm's.
        assertThat(run.getList("comparisons")).hasSize(15);
        Map<String, Object> faceless = run.getMap("comparisons.find { it.cell == 'c2' }.metrics.accuracy");
        assertThat(faceless).containsKeys("difference", "ci", "pValue", "pValueHolm", "rightToWrong", "wrongToRight");

        // Without faces the stub never saw an expression and answered neutral: the smiling group photo (p3) flipped.
        JsonPath p3 = given().when().get("/v1/experiments/" + submitted.getString("id") + "/cases/p3").then().statusCode(200).extract().jsonPath();
        String withFace = p3.getString("cells.find { it.cell == 'c1' }.trials[0].detail.steps[0].prompt");
        String withoutFace = p3.getString("cells.find { it.cell == 'c2' }.trials[0].detail.steps[0].prompt");
        assertThat(withFace).contains("face_expression>");
        assertThat(withoutFace).doesNotContain("face_expression>").doesNotContain(".au.");
        assertThat(p3.getList("evidence")).hasSize(2);
        assertThat(p3.getMap("evidence[0].encoders")).isNotEmpty();
        assertThat(faceless.get("rightToWrong").toString()).contains("p3");

        // Gates: every cell has some accuracy; c1 at 0.99 holds only if it got every photo right.
        assertThat(run.getList("gates")).hasSize(2);
        assertThat(run.getBoolean("gates[0].passed")).isTrue();

        // Each ablated cell against its un-ablated partner (the cell just before it): c2 vs c1, c4 vs c3, ...
        JsonPath ablations = given().when().get("/v1/experiments/" + submitted.getString("id") + "/ablations").then().statusCode(200)
                .extract().jsonPath();
        assertThat(ablations.getList("cell")).containsExactly("c2", "c4", "c6", "c8", "c10", "c12", "c14", "c16");
        assertThat(ablations.getList("baseline")).containsExactly("c1", "c3", "c5", "c7", "c9", "c11", "c13", "c15");
        assertThat(ablations.getList("metrics.accuracy.pValueHolm")).doesNotContainNull();

        JsonPath matrix = given().when().get("/v1/experiments/" + submitted.getString("id") + "/matrix?only=flips").then().statusCode(200)
                .extract().jsonPath();
        assertThat(matrix.getList("rows.caseKey")).contains("p3");
        assertThat(matrix.getList("cells")).hasSize(16);

        // Two cells side by side. The inline variant against the shipped template: its text is there, and the diff
        // deletes the shipped system section and inserts the variant's, keeping the [user] section it inherited.
        String base = "/v1/experiments/" + submitted.getString("id");
        JsonPath inline = given().when().get(base + "/diff?a=c1&b=c9").then().statusCode(200).extract().jsonPath();
        assertThat(inline.getString("b.label")).isEqualTo("emotion/terse | stub | direct");
        assertThat(inline.getString("a.steps[0].template")).isEqualTo("emotion/direct@1");
        assertThat(inline.getBoolean("a.steps[0].inline")).isFalse();
        assertThat(inline.getString("b.steps[0].template")).isEqualTo("emotion/terse@0");
        assertThat(inline.getBoolean("b.steps[0].inline")).isTrue();
        assertThat(inline.getString("b.steps[0].system")).startsWith("TERSE-VARIANT.");
        assertThat(inline.getString("b.steps[0].user")).isEqualTo(inline.getString("a.steps[0].user"));
        assertThat(inline.getBoolean("identical")).isFalse();
        assertThat(inline.getString("templates[0].diff")).contains("+TERSE-VARIANT.", "-You are an emotion-recognition assistant");
        List<String> inserted = inline.getList("templates[0].lines.findAll { it.kind == 'INSERT' }.line");
        assertThat(inserted).containsExactly("TERSE-VARIANT. Pick one of {labels}. Cite cue ids. Reply with JSON following {schema}");
        assertThat(inline.<String>getList("templates[0].lines.findAll { it.kind == 'KEEP' }.line")).contains("[system]", "[user]");
        // The edit script rebuilds both texts.
        String sentA = "[system]\n" + inline.getString("a.steps[0].system") + "\n[user]\n" + inline.getString("a.steps[0].user");
        assertThat(String.join("\n", inline.<String>getList("templates[0].lines.findAll { it.kind != 'INSERT' }.line"))).isEqualTo(sentA);

        // A variant of the emotion task is sent in place of every emotion template: emo-llama's too.
        JsonPath strategies = given().when().get(base + "/diff?b=c3").then().statusCode(200).extract().jsonPath();
        assertThat(strategies.getString("a.cell")).isEqualTo("c1");
        assertThat(strategies.getString("b.steps[0].renders")).isEqualTo("emotion/emo-llama");
        assertThat(strategies.getString("b.steps[0].template")).isEqualTo("emotion/direct@1");
        assertThat(strategies.getBoolean("identical")).isTrue();
        assertThat(strategies.getString("templates[0].diff")).isEmpty();

        // The same template without the face: the cases judged differently are the comparison's flips.
        JsonPath ablated = given().when().get(base + "/diff?a=c1&b=c2").then().statusCode(200).extract().jsonPath();
        assertThat(ablated.getBoolean("identical")).isTrue();
        List<String> flipped = ablated.getList("flips.caseKey");
        assertThat(flipped).contains("p3").containsExactlyInAnyOrderElementsOf(concat(faceless.get("rightToWrong"), faceless.get("wrongToRight")));
        assertThat(ablated.getString("flips.find { it.caseKey == 'p3' }.a.answer")).isEqualTo("happiness");
        assertThat(ablated.getString("flips.find { it.caseKey == 'p3' }.b.answer")).isEqualTo("neutral");
        assertThat(ablated.getString("statistics.cell")).isEqualTo("c2");
        assertThat(ablated.getDouble("statistics.metrics.accuracy.difference")).isEqualTo(run.getDouble("comparisons.find { it.cell == 'c2' }.metrics.accuracy.difference"));

        given().when().get(base + "/diff?a=c1").then().statusCode(400).body("type", org.hamcrest.Matchers.endsWith("invalid-query"));
        given().when().get(base + "/diff?a=c1&b=c99").then().statusCode(400).body("detail", org.hamcrest.Matchers.containsString("c99"));
        given().when().get("/v1/experiments/no-such-id/diff?b=c2").then().statusCode(404);
    }

    private static List<String> concat(Object a, Object b) {
        List<String> out = new java.util.ArrayList<>();
        ((List<?>) a).forEach(x -> out.add((String) x));
        ((List<?>) b).forEach(x -> out.add((String) x));
        return out;
    }

    @Test
    void aDryRunRendersPromptsAndCountsWithoutCallingABackend() {
        stub.answerWith(ExperimentApiTest::answer);
        JsonPath dry = given().multiPart("spec", SPEC + "dryRun: true\n", "application/yaml")
                .multiPart("dataset", "photos.jsonl", PHOTOS.getBytes(StandardCharsets.UTF_8), "application/x-ndjson")
                .when().post("/v1/experiments").then().statusCode(200).extract().jsonPath();

        assertThat(stub.requests()).isEmpty();
        assertThat(dry.getBoolean("dryRun")).isTrue();
        assertThat(dry.getInt("cells")).isEqualTo(16);
        assertThat(dry.getLong("trials")).isEqualTo(48);
        assertThat(dry.getLong("estimatedCalls")).isEqualTo(48);
        assertThat(dry.getLong("estimatedPromptTokens")).isPositive();
        assertThat(dry.getList("prompts")).hasSize(32); // two cases shown per cell
        assertThat(dry.getString("prompts.find { it.cell == 'c9' }.system")).contains("TERSE-VARIANT");
    }

    @Test
    void badSpecsAreRefusedWithAClearProblem() {
        given().contentType("application/yaml").body("dataset: knowledge-pairs\nablation: [-face]\n".getBytes(StandardCharsets.UTF_8)).when().post("/v1/experiments").then()
                .statusCode(400).contentType("application/problem+json").body("type", org.hamcrest.Matchers.endsWith(":invalid-experiment"))
                .body("detail", org.hamcrest.Matchers.containsString("'ablation'"));
        given().contentType("application/json").body("{\"dataset\":\"knowledge-pairs\",\"variants\":[\"emotion/nope@1\"]}").when()
                .post("/v1/experiments").then().statusCode(400).body("type", org.hamcrest.Matchers.endsWith(":invalid-experiment"));
        given().contentType("application/json").body("{\"dataset\":\"knowledge-pairs\",\"repeats\":100,\"strategies\":[\"direct\",\"pep\"]}").when()
                .post("/v1/experiments").then().statusCode(400).body("type", org.hamcrest.Matchers.endsWith(":experiment-too-large"));
        given().contentType("application/json").body("{\"dataset\":\"knowledge-pairs\",\"gates\":[\"accuracy is good\"]}").when()
                .post("/v1/experiments").then().statusCode(400).body("detail", org.hamcrest.Matchers.containsString("not a gate"));
        given().when().get("/v1/experiments/no-such-id").then().statusCode(404).body("type", org.hamcrest.Matchers.endsWith(":experiment-not-found"));
    }

    @Test
    void aHaltedExperimentResumesWithEveryTrialCountedOnce() throws Exception {
        CountDownLatch eleventh = new CountDownLatch(1);
        AtomicInteger seen = new AtomicInteger();
        AtomicBoolean halted = new AtomicBoolean();
        stub.answerWith(r -> {
            if (!halted.get() && seen.incrementAndGet() == 11) {
                eleventh.countDown();
                return OpenAiStub.Response.hang();
            }
            return answer(r);
        });
        String id = submit(SPEC.replace("  - c1 accuracy >= 0.99\n", "") + "cache: false\n");
        assertThat(eleventh.await(2, TimeUnit.MINUTES)).isTrue();
        // As a crash would: the workers stop, the trial in flight is not written, the run stays running.
        runner.halt(id);
        halted.set(true);
        stub.release();
        JsonPath stopped = given().when().get("/v1/experiments/" + id).then().statusCode(200).extract().jsonPath();
        assertThat(stopped.getString("status")).isEqualTo("running");
        assertThat(stopped.getInt("progress.done")).isEqualTo(10);

        assertThat(runner.resumeRunning()).contains(id); // what startup does
        JsonPath run = finish(id);

        assertThat(run.getString("status")).isEqualTo("completed");
        assertThat(run.getInt("progress.done")).isEqualTo(48);
        JsonPath matrix = given().when().get("/v1/experiments/" + id + "/matrix?limit=500").then().statusCode(200).extract().jsonPath();
        Set<String> trials = new HashSet<>();
        for (int row = 0; row < 3; row++) {
            Map<String, Map<String, Object>> cells = matrix.getMap("rows[" + row + "].cells");
            assertThat(cells).hasSize(16);
            for (Map.Entry<String, Map<String, Object>> entry : cells.entrySet()) {
                assertThat(entry.getValue().get("repeats")).isEqualTo(1);
                trials.add(entry.getKey() + "/" + row);
            }
        }
        assertThat(trials).hasSize(48);
    }

    /** The README's example on the offline reasoner: wording changes nothing there, the ablation does. */
    @Test
    void theReadmeExampleOnTheLocalBackend() throws Exception {
        String id = given().multiPart("spec", java.nio.file.Files.readString(java.nio.file.Path.of("examples/experiment.yaml")), "application/yaml")
                .multiPart("dataset", "photos.jsonl", java.nio.file.Files.readAllBytes(java.nio.file.Path.of("examples/photos.jsonl")), "application/x-ndjson")
                .when().post("/v1/experiments").then().statusCode(202).extract().path("id");
        JsonPath run = finish(id);

        assertThat(run.getString("status")).isEqualTo("completed");
        assertThat(run.getList("cells")).hasSize(8);
        assertThat(run.getBoolean("gatesPassed")).isTrue();
        // c1 (shipped template) and c5 (the cautious wording), same strategy and evidence: the same answers.
        JsonPath matrix = given().when().get("/v1/experiments/" + id + "/matrix").then().statusCode(200).extract().jsonPath();
        for (int row = 0; row < 4; row++) {
            assertThat(matrix.getString("rows[" + row + "].cells.c5.answer")).isEqualTo(matrix.getString("rows[" + row + "].cells.c1.answer"));
        }
        // Without the face, the group photo is no longer read from its smiles.
        assertThat(matrix.getString("rows.find { it.caseKey == 'group' }.cells.c1.answer")).isEqualTo("happiness");
        assertThat(matrix.getString("rows.find { it.caseKey == 'group' }.cells.c2.answer")).isNotEqualTo("happiness");
        // The sentences carry no face: the ablation leaves them as they were.
        assertThat(matrix.getString("rows.find { it.caseKey == 'furious' }.cells.c2.answer"))
                .isEqualTo(matrix.getString("rows.find { it.caseKey == 'furious' }.cells.c1.answer"));
    }

    @Test
    void aCancelledExperimentSaysSoAndResumes() throws Exception {
        CountDownLatch first = new CountDownLatch(1);
        AtomicBoolean cancelled = new AtomicBoolean();
        stub.answerWith(r -> {
            if (!cancelled.get()) {
                first.countDown();
                return OpenAiStub.Response.hang();
            }
            return answer(r);
        });
        String id = submit(SPEC.replace("  - c1 accuracy >= 0.99\n", "") + "cache: false\n");
        assertThat(first.await(2, TimeUnit.MINUTES)).isTrue();

        given().when().post("/v1/experiments/" + id + "/cancel").then().statusCode(200).body("status", equalTo("cancelled"));
        cancelled.set(true);
        stub.release();
        assertThat(runner.await(id, Duration.ofMinutes(1))).isTrue();
        given().when().get("/v1/experiments/" + id).then().statusCode(200).body("status", equalTo("cancelled"));
        // Not executing: the event stream gives the stored state once, under its status.
        String events = given().when().get("/v1/experiments/" + id + "/events").then().statusCode(200).extract().asString();
        assertThat(events).contains("event:cancelled").contains("\"status\":\"cancelled\"");
        given().when().post("/v1/experiments/" + id + "/cancel").then().statusCode(400)
                .body("type", org.hamcrest.Matchers.endsWith(":experiment-not-running"));

        given().when().post("/v1/experiments/" + id + "/resume").then().statusCode(202).body("status", equalTo("running"));
        JsonPath run = finish(id);
        assertThat(run.getString("status")).isEqualTo("completed");
        assertThat(run.getInt("progress.done")).isEqualTo(48);
        given().when().post("/v1/experiments/" + id + "/resume").then().statusCode(400)
                .body("type", org.hamcrest.Matchers.endsWith(":experiment-completed"));
        String done = given().when().get("/v1/experiments/" + id + "/events").then().statusCode(200).extract().asString();
        assertThat(done).contains("event:completed").contains("\"gatesPassed\":true");
        assertThat(given().when().get("/v1/experiments").then().statusCode(200).extract().jsonPath().getList("id")).contains(id);
    }
}

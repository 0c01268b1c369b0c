package io.affectra.eval;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;

import io.affectra.testing.OpenAiStub;
import io.affectra.testing.OpenAiStubResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The benchmark runner over real HTTP: degenerate answerers are real backends (the OpenAI-compatible stub answering
 * always yes, always no, or at random with a seed) run on the built-in knowledge pairs, and their metrics must come
 * out exactly as the definitions say.
 */
@QuarkusTest
@QuarkusTestResource(value = OpenAiStubResource.class, restrictToAnnotatedClass = true)
class EvaluationApiTest {

    OpenAiStub stub;

    @Inject
    EvaluationRunner runner;

    @AfterEach
    void reset() {
        stub.reset();
    }

    @Test
    void alwaysYesScoresBasicOneHallucinatedZeroPairsZero() {
        stub.answerWith(r -> OpenAiStub.Response.ok(OpenAiStub.chatCompletion(Evaluations.yes("It sounds right."), 50, 10)));

        JsonPath run = Evaluations.finish(runner, Evaluations.start(
                "{\"dataset\":\"knowledge-pairs\",\"backend\":\"stub\",\"strategy\":\"direct\",\"concurrency\":4,\"limit\":60}"));

        assertThat(run.getString("status")).isEqualTo("completed");
        assertThat(run.getBoolean("partial")).isFalse();
        assertThat(run.getInt("progress.done")).isEqualTo(120);
        assertThat(run.getInt("progress.total")).isEqualTo(120);
        assertThat(run.getInt("metrics.pairs")).isEqualTo(60);
        assertThat(run.getDouble("metrics.basicAccuracy")).isEqualTo(1.0);
        assertThat(run.getDouble("metrics.hallucinatedAccuracy")).isEqualTo(0.0);
        assertThat(run.getDouble("metrics.overallAccuracy")).isEqualTo(0.0);
        assertThat(run.getDouble("metrics.yesPercentageDifference")).isEqualTo(0.5);
        assertThat(run.getDouble("metrics.falsePositiveRatio")).isEqualTo(1.0);
        assertThat(run.getDouble("metrics.yesRatio")).isEqualTo(1.0);
        assertThat(run.getMap("metrics.byCategory")).containsKeys("theory", "finding");
        assertThat(run.getString("dataset.name")).isEqualTo("knowledge-pairs");
        assertThat(run.getInt("dataset.items")).isEqualTo(60);
    }

    @Test
    void alwaysNoScoresBasicZeroHallucinatedOnePairsZero() {
        stub.answerWith(r -> OpenAiStub.Response.ok(OpenAiStub.chatCompletion("No. " + Evaluations.no("Not that I know."), 50, 10)));

        JsonPath run = Evaluations.finish(runner, Evaluations.start(
                "{\"dataset\":\"knowledge-pairs\",\"backend\":\"stub\",\"concurrency\":4,\"limit\":60}"));

        assertThat(run.getDouble("metrics.basicAccuracy")).isEqualTo(0.0);
        assertThat(run.getDouble("metrics.hallucinatedAccuracy")).isEqualTo(1.0);
        assertThat(run.getDouble("metrics.overallAccuracy")).isEqualTo(0.0);
        assertThat(run.getDouble("metrics.yesPercentageDifference")).isEqualTo(-0.5);
        assertThat(run.getDouble("metrics.falsePositiveRatio")).isEqualTo(0.0);
        assertThat(run.get("metrics.precision") == null).isTrue();
    }

    @Test
    void aSeededRandomAnswererLandsNearAQuarterOfPairs() {
        Random random = new Random(5);
        // Plain prose, no JSON: the \b(yes|no)\b rule reads the first match; some replies have none (unparseable).
        stub.answerWith(r -> {
            int roll;
            synchronized (random) {
                roll = random.nextInt(20);
            }
            String text = roll == 0 ? "I cannot tell from what I know." : roll % 2 == 0 ? "Yes, I believe so." : "No, that is not right.";
            return OpenAiStub.Response.ok(OpenAiStub.chatCompletion(text, 30, 8));
        });

        JsonPath run = Evaluations.finish(runner, Evaluations.start(
                "{\"dataset\":\"knowledge-pairs\",\"backend\":\"stub\",\"concurrency\":1}"));

        assertThat(run.getInt("metrics.pairs")).isEqualTo(338);
        // p(right) per answer = 0.475 (1 in 20 unparseable): pairs ~ 0.23, sd ~ 0.023 over 338 pairs.
        assertThat(run.getDouble("metrics.overallAccuracy")).isBetween(0.13, 0.33);
        assertThat(run.getInt("metrics.unparseable")).isPositive();
        assertThat(run.getInt("progress.unparseable")).isEqualTo(run.getInt("metrics.unparseable"));
        // Unparseable answers are shown, never dropped: every case is there.
        List<?> cases = given().when().get("/v1/evaluations/" + run.getString("id") + "/cases?limit=1000").then().statusCode(200)
                .extract().jsonPath().getList("$");
        assertThat(cases).hasSize(676);
    }

    @Test
    void comparesStrategiesOnTheSameCasesWithASeededBootstrap() {
        // direct: always yes; pep-mek's final step answers from the facts it was given (the stub reads the prompt).
        stub.answerWith(r -> {
            String prompt = r.json().path("messages").get(1).path("content").asText();
            if (prompt.contains("Check of the first answer")) {
                return OpenAiStub.Response.ok(OpenAiStub.chatCompletion(prompt.contains("jealousy") ? Evaluations.no("not in [k001]")
                        : Evaluations.yes("as [k001] says"), 10, 5));
            }
            if (prompt.contains("Answer to check")) {
                return OpenAiStub.Response.ok(OpenAiStub.chatCompletion("{\"claims\":[],\"conclusion\":\"checked\"}", 10, 5));
            }
            return OpenAiStub.Response.ok(OpenAiStub.chatCompletion(Evaluations.yes("familiar"), 10, 5));
        });
        String options = "{\"dataset\":\"knowledge-pairs\",\"backend\":\"stub\",\"strategies\":[\"direct\",\"pep-mek\"],\"limit\":3,\"concurrency\":2}";

        JsonPath run = Evaluations.finish(runner, Evaluations.start(options));

        assertThat(run.getList("strategies")).containsExactly("direct", "pep-mek");
        assertThat(run.getInt("progress.total")).isEqualTo(12);
        assertThat(run.getDouble("metrics.direct.overallAccuracy")).isEqualTo(0.0);
        // kp001 (disgust / jealousy) is the only pair pep-mek's scripted checker gets right
        assertThat(run.getDouble("metrics.'pep-mek'.overallAccuracy")).isCloseTo(1.0 / 3, org.assertj.core.api.Assertions.within(1e-6));
        assertThat(run.getString("comparison[0].baseline")).isEqualTo("direct");
        assertThat(run.getString("comparison[0].strategy")).isEqualTo("pep-mek");
        assertThat(run.getInt("comparison[0].units")).isEqualTo(3);
        assertThat(run.getDouble("comparison[0].metrics.overallAccuracy.difference")).isCloseTo(1.0 / 3, org.assertj.core.api.Assertions.within(1e-6));
        double low = run.getDouble("comparison[0].metrics.overallAccuracy.ciLow");
        double high = run.getDouble("comparison[0].metrics.overallAccuracy.ciHigh");
        assertThat(low).isLessThanOrEqualTo(high);

        // Seeded: the same answers give the same interval.
        JsonPath again = Evaluations.finish(runner, Evaluations.start(options));
        assertThat(again.getDouble("comparison[0].metrics.overallAccuracy.ciLow")).isEqualTo(low);
        assertThat(again.getDouble("comparison[0].metrics.overallAccuracy.ciHigh")).isEqualTo(high);

        // The cases keep pep-mek's retrieved facts and verification.
        String detail = given().when().get("/v1/evaluations/" + run.getString("id") + "/cases?strategy=pep-mek&limit=1").then().statusCode(200)
                .extract().jsonPath().getString("[0].detail");
        assertThat(detail).contains("\"knowledge\":[{\"id\":\"k0").contains("\"verification\"");
    }

    @Test
    void streamsProgressEventsAndEndsWithTheRun() {
        stub.answerWith(r -> OpenAiStub.Response.ok(OpenAiStub.chatCompletion(Evaluations.yes("ok"), 1, 1)));
        String id = Evaluations.start("{\"dataset\":\"knowledge-pairs\",\"backend\":\"stub\",\"limit\":5,\"concurrency\":1}");

        String stream = given().accept("text/event-stream").when().get("/v1/evaluations/" + id + "/events").then().statusCode(200)
                .extract().asString();

        assertThat(stream).contains("event:completed").contains("\"basicAccuracy\":1.0");
        assertThat(stream.indexOf("event:completed")).isGreaterThan(stream.lastIndexOf("event:progress"));
    }

    @Test
    void choiceItemsAreAnsweredByLetter() {
        stub.answerWith(r -> OpenAiStub.Response.ok(OpenAiStub.chatCompletion("{\"answer\":\"B\",\"reasoning\":\"r\",\"cueIds\":[],\"factIds\":[]}", 1, 1)));
        String jsonl = """
                {"id": "c1", "question": "Which emotion is linked to loss?", "options": ["joy", "sadness"], "answer": "B", "category": "appraisal"}
                {"id": "c2", "question": "Which emotion is linked to a goal reached?", "options": ["joy", "sadness"], "answer": "joy", "category": "appraisal"}
                """;
        JsonPath run = Evaluations.finish(runner, Evaluations.start(jsonl, "{\"format\":\"choice\",\"backend\":\"stub\"}"));

        assertThat(run.getDouble("metrics.accuracy")).isEqualTo(0.5);
        String prompt = stub.lastRequest().json().path("messages").get(1).path("content").asText();
        assertThat(prompt).contains("A) joy").contains("B) sadness");
    }

    /** A photograph outside the media root (the working directory in tests), named through a link inside it. */
    private static String linkOutOfTheMediaRoot() {
        try {
            Path folder = Files.createTempDirectory("affectra-outside-root");
            folder.toFile().deleteOnExit();
            Path outside = Files.write(folder.resolve("private.jpg"), io.affectra.testing.TestMedia.bytes("sample1.jpg"));
            outside.toFile().deleteOnExit();
            Path link = Files.createDirectories(Path.of("target", "test-media")).resolve("link-out-" + System.nanoTime() + ".jpg");
            Files.createSymbolicLink(link, outside);
            return link.toString();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Test
    void refusesBadRequestsWithProblems() {
        given().multiPart("options", "{\"backend\":\"stub\"}", "application/json")
                .multiPart("dataset", "x.jsonl", "{}".getBytes(), "application/x-ndjson")
                .when().post("/v1/evaluations").then().statusCode(400)
                .contentType("application/problem+json")
                .body("type", equalTo("urn:affectra:problem:invalid-options"));
        given().multiPart("options", "{\"format\":\"pair\"}", "application/json")
                .multiPart("dataset", "x.jsonl", "{\"id\":\"a\",\"basic\":{\"question\":\"q\",\"answer\":\"yes\"}}".getBytes(), "application/x-ndjson")
                .when().post("/v1/evaluations").then().statusCode(400)
                .body("type", equalTo("urn:affectra:problem:invalid-dataset"))
                .body("detail", startsWith("line 1:"));
        given().multiPart("options", "{\"dataset\":\"knowledge-pairs\",\"strategy\":\"emo-llama\"}", "application/json")
                .when().post("/v1/evaluations").then().statusCode(400)
                .body("type", equalTo("urn:affectra:problem:unsupported-strategy"));
        given().multiPart("options", "{\"dataset\":\"knowledge-pairs\",\"backend\":\"nope\"}", "application/json")
                .when().post("/v1/evaluations").then().statusCode(400)
                .body("type", equalTo("urn:affectra:problem:unknown-backend"));
        given().multiPart("options", "{\"dataset\":\"no-such-set\"}", "application/json")
                .when().post("/v1/evaluations").then().statusCode(400)
                .body("type", equalTo("urn:affectra:problem:unknown-dataset"));
        given().multiPart("options", "{\"format\":\"label\"}", "application/json")
                .multiPart("dataset", "x.jsonl", "{\"id\":\"a\",\"media\":\"../../../etc/passwd\",\"label\":\"fear\"}".getBytes(), "application/x-ndjson")
                .when().post("/v1/evaluations").then().statusCode(400)
                .body("type", equalTo("urn:affectra:problem:invalid-dataset"))
                .body("detail", containsString("outside the media root"));
        given().multiPart("options", "{\"format\":\"label\"}", "application/json")
                .multiPart("dataset", "x.jsonl", ("{\"id\":\"a\",\"media\":\"" + linkOutOfTheMediaRoot() + "\",\"label\":\"fear\"}").getBytes(),
                        "application/x-ndjson")
                .when().post("/v1/evaluations").then().statusCode(400)
                .body("type", equalTo("urn:affectra:problem:invalid-dataset"))
                .body("detail", containsString("outside the media root"));
        given().multiPart("options", "{\"format\":\"pair\",\"concurrency\":0}", "application/json")
                .multiPart("dataset", "x.jsonl", "{\"id\":\"a\",\"basic\":{\"question\":\"q\",\"answer\":\"yes\"},\"hallucination\":{\"question\":\"r\",\"answer\":\"no\"}}".getBytes(), "application/x-ndjson")
                .when().post("/v1/evaluations").then().statusCode(400)
                .body("detail", containsString("concurrency"));
        given().when().get("/v1/evaluations/no-such-run").then().statusCode(404)
                .body("type", equalTo("urn:affectra:problem:evaluation-not-found"));
        given().when().get("/v1/evaluations/datasets").then().statusCode(200)
                .body("find { it.name == 'perception-pairs' }.format", equalTo("pair"));
    }
}

package io.affectra.llm.local;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;

import io.affectra.cue.CueSet;
import io.affectra.eval.CaseEvidence;
import io.affectra.reasoning.QuestionInput;
import io.affectra.reasoning.QuestionResult;
import io.affectra.reasoning.StrategyRegistry;
import io.affectra.testing.TestMedia;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The offline local backend taking part in questions and multi-step strategies: honest baselines, not an LLM. */
@QuarkusTest
class LocalBaselineTest {

    private static final String BASIC = "Is disgust one of Ekman's six classic basic emotions?";
    private static final String SWAPPED = "Is jealousy one of Ekman's six classic basic emotions?";

    @Inject
    StrategyRegistry strategies;

    @Inject
    CaseEvidence evidence;

    private QuestionResult ask(String strategy, String question) {
        return strategies.get(strategy).ask(new QuestionInput(question, List.of(), CueSet.EMPTY, null, 0, "local"));
    }

    @Test
    void directRecognisesTheTopicAndSoAcceptsTheSwappedClaimToo() {
        QuestionResult basic = ask("direct", BASIC);
        QuestionResult swapped = ask("direct", SWAPPED);

        assertThat(basic.reply().answer()).isEqualTo("yes");
        assertThat(swapped.reply().answer()).isEqualTo("yes");
        assertThat(swapped.reply().reasoning()).startsWith(LocalTaskAnswerer.DISCLAIMER).contains("[k001]");
        assertThat(swapped.steps()).singleElement().satisfies(s -> assertThat(s.step().wire()).isEqualTo("answer"));
    }

    @Test
    void pepMekVerifiesTheClaimAgainstTheRetrievedFacts() {
        QuestionResult basic = ask("pep-mek", BASIC);
        QuestionResult swapped = ask("pep-mek", SWAPPED);

        assertThat(basic.reply().answer()).isEqualTo("yes");
        assertThat(basic.verification().keptIds("fact")).contains("k001");
        assertThat(swapped.reply().answer()).isEqualTo("no");
        assertThat(swapped.reply().reasoning()).contains("'jealousy' (emotion)");
        assertThat(swapped.knowledge()).isNotEmpty();
        assertThat(swapped.knowledge().get(0).id()).isEqualTo("k001");
        assertThat(swapped.steps()).extracting(s -> s.step().wire()).containsExactly("knowledge", "answer", "explain", "final");
        // The first answer is the familiar yes; the check in between is what turns it.
        assertThat(swapped.steps().get(1).parsed()).isEqualTo("yes");
        assertThat(swapped.steps().get(2).reply()).contains("contradicted");
        assertThat(swapped.calls()).isEqualTo(3);
    }

    @Test
    void pepWithoutOutsideKnowledgeCannotCatchTheSwap() {
        QuestionResult swapped = ask("pep", SWAPPED);

        assertThat(swapped.reply().answer()).isEqualTo("yes");
        assertThat(swapped.steps()).extracting(s -> s.step().wire()).containsExactly("describe", "answer", "explain", "final");
        assertThat(swapped.knowledge()).isEmpty();
    }

    @Test
    void perceptionQuestionsAreAnsweredFromTheMeasuredFaces() {
        CaseEvidence.Evidence photo = evidence.of(TestMedia.file("sample3.jpg"), null, false, CaseEvidence.newCache());
        assertThat(photo.faceCount()).isEqualTo(3);

        QuestionResult count = strategies.get("direct").ask(new QuestionInput("Are there exactly three faces in the image?", List.of(),
                photo.cues(), null, photo.faceCount(), "local"));
        QuestionResult middle = strategies.get("pep-mek").ask(new QuestionInput("Is the person in the middle smiling?", List.of(),
                photo.cues(), null, photo.faceCount(), "local"));
        QuestionResult comparative = strategies.get("direct").ask(new QuestionInput(
                "Is the person on the right smiling more broadly than the person on the left?", List.of(), photo.cues(), null, photo.faceCount(), "local"));

        assertThat(count.reply().answer()).isEqualTo("yes");
        assertThat(middle.reply().answer()).isEqualTo("yes");
        assertThat(middle.reply().cueIds()).contains("F2.expr");
        assertThat(middle.verification().keptIds("cue")).contains("F2.expr");
        // Outside the grammar: an honest "cannot tell", which benchmarks count as unparseable.
        assertThat(comparative.reply().answer()).isNull();
        assertThat(comparative.reply().answerText()).isEqualTo("cannot tell");
    }

    @Test
    void analysePepMekOnTheLocalBackendReportsKnowledgeVerificationAndSteps() {
        JsonPath body = given().multiPart("media", TestMedia.file("sample3.jpg").toFile(), "image/jpeg")
                .multiPart("options", "{\"strategy\":\"pep-mek\",\"explain\":true}", "application/json")
                .when().post("/v1/emotion/analyze")
                .then().statusCode(200)
                .body("strategy", equalTo("pep-mek"))
                .body("prompt.id", equalTo("pep-mek/final"))
                .body("answer.label", equalTo("happiness"))
                .body("reasoning.knowledge.size()", equalTo(4))
                .body("reasoning.steps.step", org.hamcrest.Matchers.contains("knowledge", "answer", "explain", "final"))
                .body("reasoning.steps[2].reply", org.hamcrest.Matchers.containsString("Offline baseline (not an LLM)"))
                .extract().jsonPath();
        assertThat(body.getList("reasoning.verification.kept.id", String.class)).containsAll(body.getList("answer.cueIds", String.class));
    }

    @Test
    void analysePepOnTheLocalBackendRunsTheSelfLoop() {
        given().multiPart("media", TestMedia.file("sample1.jpg").toFile(), "image/jpeg")
                .multiPart("options", "{\"strategy\":\"pep\",\"explain\":true}", "application/json")
                .when().post("/v1/emotion/analyze")
                .then().statusCode(200)
                .body("strategy", equalTo("pep"))
                .body("reasoning.steps.step", org.hamcrest.Matchers.contains("describe", "answer", "explain", "final"))
                .body("usage.attempts", equalTo(4));
        given().when().get("/v1/strategies").then().statusCode(200)
                .body("id", hasItem("pep"))
                .body("id", hasItem("pep-mek"));
    }

    @Test
    void theKnowledgeBaseIsServedWithScoredRetrieval() {
        given().when().get("/v1/knowledge").then().statusCode(200)
                .body("facts", org.hamcrest.Matchers.greaterThanOrEqualTo(150))
                .body("embeddingModel", equalTo("all-minilm-l6-v2-q"));
        JsonPath search = given().queryParam("q", "Duchenne smile and the muscle around the eyes").queryParam("k", 5)
                .when().get("/v1/knowledge/search").then().statusCode(200)
                .body("hits.size()", equalTo(5))
                .body("hits.source", everyItem(org.hamcrest.Matchers.not(org.hamcrest.Matchers.emptyString())))
                .extract().jsonPath();
        List<Float> scores = search.getList("hits.score", Float.class);
        assertThat(scores).isSortedAccordingTo((a, b) -> Float.compare(b, a));
        assertThat(search.getString("hits[0].text")).containsIgnoringCase("Duchenne");
        // Deterministic: the same query, the same facts and scores.
        assertThat(given().queryParam("q", "Duchenne smile and the muscle around the eyes").queryParam("k", 5)
                .when().get("/v1/knowledge/search").then().extract().jsonPath().getList("hits.id")).isEqualTo(search.getList("hits.id"));
        given().when().get("/v1/knowledge/facts/k001").then().statusCode(200).body("topic", equalTo("basic-emotions"));
        given().when().get("/v1/knowledge/facts/k999").then().statusCode(404).body("type", equalTo("urn:affectra:problem:fact-not-found"));
        given().when().get("/v1/knowledge/search").then().statusCode(400);
    }
}

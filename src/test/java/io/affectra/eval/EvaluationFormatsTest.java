package io.affectra.eval;

import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Label and open datasets on the offline backend: media through the image pipeline, text as a transcript cue. */
@QuarkusTest
class EvaluationFormatsTest {

    @Inject
    EvaluationRunner runner;

    @Inject
    CaseEvidence evidence;

    @Test
    void labelDatasetsGetClassificationMetrics() {
        String jsonl = """
                {"id": "p1", "media": "sample3.jpg", "label": "happiness", "category": "photo"}
                {"id": "p2", "media": "sample1.jpg", "label": "happiness", "category": "photo"}
                {"id": "t1", "text": "I am furious, this is so unfair!", "label": "anger", "category": "text"}
                {"id": "t2", "text": "I miss her so much, I cannot stop crying.", "label": "sadness", "category": "text"}
                """;
        JsonPath run = Evaluations.finish(runner, Evaluations.start(jsonl,
                "{\"format\":\"label\",\"backend\":\"local\",\"mediaDir\":\"src/test/resources/media\"}"));

        assertThat(run.getString("status")).isEqualTo("completed");
        assertThat(run.getInt("metrics.cases")).isEqualTo(4);
        assertThat(run.getDouble("metrics.accuracy")).isEqualTo(run.getDouble("metrics.war"));
        assertThat(run.getDouble("metrics.uar")).isBetween(0.0, 1.0);
        assertThat(run.getDouble("metrics.macroF1")).isBetween(0.0, 1.0);
        assertThat(run.getDouble("metrics.weightedF1")).isBetween(0.0, 1.0);
        Map<String, Map<String, Integer>> confusion = run.getMap("metrics.confusion");
        assertThat(confusion).containsOnlyKeys("happiness", "anger", "sadness");
        assertThat(confusion.values().stream().flatMap(r -> r.values().stream()).mapToInt(Integer::intValue).sum()).isEqualTo(4);
        // The photographs were analysed by the face pipeline: their cases cite face cues.
        String detail = io.restassured.RestAssured.given().when().get("/v1/evaluations/" + run.getString("id") + "/cases?limit=1")
                .then().extract().jsonPath().getString("[0].detail");
        assertThat(detail).contains("F2's expression (happy, ", "[F2.expr]", "\"people\":[{\"id\":\"F1\"");
    }

    @Test
    void videoAndAudioItemsGoThroughTheTemporalPipelineAndDeemoSeesNoFace() {
        String jsonl = """
                {"id": "v1", "video": "people.mp4", "text": "I can't believe we actually won the final. This is the best day of my life! Honestly, I was really nervous before the match. Thank you all so much for coming.", "label": "happiness", "category": "video"}
                {"id": "a1", "audio": "speech.wav", "label": "happiness", "category": "audio"}
                """;
        JsonPath run = Evaluations.finish(runner, Evaluations.start(jsonl,
                "{\"format\":\"label\",\"backend\":\"local\",\"strategies\":[\"direct\",\"deemo\"],\"mediaDir\":\"src/test/resources/media\"}"));

        assertThat(run.getString("status")).isEqualTo("completed");
        io.restassured.path.json.JsonPath cases = io.restassured.RestAssured.given().when()
                .get("/v1/evaluations/" + run.getString("id") + "/cases?limit=10").then().statusCode(200).extract().jsonPath();
        assertThat(cases.getList("$")).hasSize(4);
        String direct = cases.getString("find { it.strategy == 'direct' && it.itemId == 'v1' }.detail");
        String deemo = cases.getString("find { it.strategy == 'deemo' && it.itemId == 'v1' }.detail");
        String audio = cases.getString("find { it.strategy == 'direct' && it.itemId == 'a1' }.detail");
        // Faces tracked over the clip answer the direct case; the de-identified case rests on anything but a face.
        assertThat(direct).contains("\"cueIds\":[\"F");
        assertThat(deemo).contains("Offline cue-fusion reasoner").doesNotContain("\"F").doesNotContain("[F");
        assertThat(audio).contains("Offline cue-fusion reasoner").doesNotContain("\"F").doesNotContain("\"P");

        // The evidence itself: voice, body and the case's words aligned to the speech; no face when de-identified.
        CaseEvidence.Evidence clip = evidence.of(io.affectra.testing.TestMedia.file("people.mp4"), "We won. I was so nervous.", false,
                false, CaseEvidence.newCache());
        java.util.List<String> ids = clip.cues().cues().stream().map(io.affectra.cue.Cue::id).toList();
        assertThat(ids).contains("V1", "P1.body", "F1.expr", "T1");
        assertThat(clip.cues().cues()).filteredOn(c -> c.id().equals("V1")).allSatisfy(c -> assertThat(c.span().endMs()).isPositive());
        CaseEvidence.Evidence hidden = evidence.of(io.affectra.testing.TestMedia.file("people.mp4"), null, true, true, CaseEvidence.newCache());
        assertThat(hidden.faceCount()).isZero();
        assertThat(hidden.cues().cues()).noneMatch(c -> c.modality() == io.affectra.cue.Modality.FACE)
                .anyMatch(c -> c.modality() == io.affectra.cue.Modality.BODY);
        CaseEvidence.Evidence speech = evidence.of(io.affectra.testing.TestMedia.file("speech.ogg"), null, false, false, CaseEvidence.newCache());
        assertThat(speech.cues().cues()).isNotEmpty().allMatch(c -> c.modality() == io.affectra.cue.Modality.VOICE);
    }

    @Test
    void openDatasetsAreJudgedOnTheEmerScale() {
        String jsonl = """
                {"id": "o1", "text": "We won the final, I cannot believe it, this is amazing!", "label": "happiness", "reasoning": "The speaker celebrates a win and calls it amazing: joy and excitement."}
                {"id": "o2", "text": "Leave me alone. I hate how unfair this is.", "label": "anger", "clues": ["hostile words", "'unfair'", "'hate'"]}
                """;
        JsonPath run = Evaluations.finish(runner, Evaluations.start(jsonl, "{\"format\":\"open\",\"backend\":\"local\",\"judgeBackend\":\"local\"}"));

        assertThat(run.getString("status")).isEqualTo("completed");
        assertThat(run.getInt("metrics.judged")).isEqualTo(2);
        assertThat(run.getDouble("metrics.clueOverlap")).isBetween(1.0, 10.0);
        assertThat(run.getDouble("metrics.labelOverlap")).isBetween(1.0, 10.0);
        assertThat(run.getDouble("metrics.labels.accuracy")).isBetween(0.0, 1.0);
    }
}

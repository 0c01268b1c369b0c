package io.affectra.api;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.affectra.testing.CraftedMedia;
import io.affectra.testing.TestMedia;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import java.io.File;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * What the analysis carries to draw: each face's key landmarks, each person's pose keypoints and hands, and how they
 * are joined, on real photographs; none of the face's in de-identified mode; the same after reopening; in the
 * original image's pixels when a large photo is decoded subsampled.
 */
@QuarkusTest
class AnalysisGeometryTest {

    static final List<String> LANDMARKS = List.of("forehead", "chin", "rightCheek", "leftCheek", "rightBrowOuter", "rightBrowMid", "rightBrowInner",
            "leftBrowInner", "leftBrowMid", "leftBrowOuter", "rightEyeOuter", "rightEyeUpper", "rightEyeInner", "rightEyeLower", "leftEyeInner",
            "leftEyeUpper", "leftEyeOuter", "leftEyeLower", "noseBridge", "noseTip", "mouthRight", "upperLipTop", "mouthLeft", "lowerLipBottom",
            "upperLipInner", "lowerLipInner");

    static final List<String> PARTS = List.of("nose", "leftEye", "rightEye", "leftEar", "rightEar", "leftShoulder", "rightShoulder", "leftElbow",
            "rightElbow", "leftWrist", "rightWrist", "leftHip", "rightHip", "leftKnee", "rightKnee", "leftAnkle", "rightAnkle");

    @Test
    void aPhotoOfPeopleCarriesTheirLandmarksSkeletonsAndHandsInsideTheImage() {
        Response response = analyse(TestMedia.file("sample3.jpg").toFile(), "{}");
        JsonPath json = response.jsonPath();
        double width = json.getDouble("media.width");
        double height = json.getDouble("media.height");

        List<Map<String, Object>> faces = json.getList("faces");
        assertThat(faces).hasSize(3);
        for (int i = 0; i < faces.size(); i++) {
            Map<String, List<Float>> landmarks = json.getMap("faces[" + i + "].landmarks");
            assertThat(landmarks.keySet()).containsExactlyElementsOf(LANDMARKS);
            double x = json.getDouble("faces[" + i + "].box.x"), y = json.getDouble("faces[" + i + "].box.y");
            double w = json.getDouble("faces[" + i + "].box.width"), h = json.getDouble("faces[" + i + "].box.height");
            for (Map.Entry<String, List<Float>> e : landmarks.entrySet()) {
                assertThat(e.getValue()).as(e.getKey()).hasSize(2);
                inside(e.getKey(), e.getValue(), width, height);
                // On the face the detector boxed (the mesh runs on the box x1.4, so a little past it at most).
                assertThat((double) e.getValue().get(0)).as(e.getKey() + " x").isBetween(x - 0.3 * w, x + 1.3 * w);
                assertThat((double) e.getValue().get(1)).as(e.getKey() + " y").isBetween(y - 0.3 * h, y + 1.3 * h);
            }
            // Upright faces: brows over eyes over the nose tip over the mouth over the chin.
            assertThat(landmarks.get("rightBrowMid").get(1)).isLessThan(landmarks.get("rightEyeUpper").get(1));
            assertThat(landmarks.get("rightEyeLower").get(1)).isLessThan(landmarks.get("noseTip").get(1));
            assertThat(landmarks.get("noseTip").get(1)).isLessThan(landmarks.get("upperLipTop").get(1));
            assertThat(landmarks.get("lowerLipBottom").get(1)).isLessThan(landmarks.get("chin").get(1));
            // The person's right eye is on the image's left.
            assertThat(landmarks.get("rightEyeOuter").get(0)).isLessThan(landmarks.get("leftEyeOuter").get(0));
        }

        List<Map<String, Object>> bodies = json.getList("bodies");
        assertThat(bodies).hasSize(3);
        Set<String> people = json.<String>getList("cues.findAll { it.type == 'person' }.subject").stream().collect(Collectors.toSet());
        assertThat(json.<String>getList("bodies.id")).containsExactlyInAnyOrderElementsOf(people);
        double minScore = json.getDouble("skeleton.minScore");
        assertThat(minScore).isEqualTo(0.3);
        assertThat(json.getList("skeleton.pose")).hasSize(16);
        assertThat(json.<List<String>>getList("skeleton.pose").stream().flatMap(List::stream)).allMatch(PARTS::contains);
        assertThat(json.getList("skeleton.hand")).hasSize(21);
        int hands = 0;
        for (int i = 0; i < bodies.size(); i++) {
            String at = "bodies[" + i + "]";
            assertThat(json.<String>getList(at + ".keypoints.part")).containsExactlyElementsOf(PARTS);
            List<Map<String, Object>> keypoints = json.getList(at + ".keypoints");
            long seen = keypoints.stream().filter(k -> num(k.get("score")) >= minScore).count();
            assertThat(seen).as(at + " seen keypoints").isGreaterThanOrEqualTo(5);
            for (Map<String, Object> k : keypoints) {
                if (num(k.get("score")) >= minScore) {
                    inside(at + " " + k.get("part"), List.of(num(k.get("x")), num(k.get("y"))), width, height);
                }
            }
            // The person's box is the region its cues point at.
            String id = json.getString(at + ".id");
            assertThat(json.getDouble(at + ".box.x")).isCloseTo(json.getDouble("cues.find { it.id == '" + id + ".body' }.region.x"), within(0.1));
            assertThat(json.getDouble(at + ".box.width")).isCloseTo(json.getDouble("cues.find { it.id == '" + id + ".body' }.region.width"),
                    within(0.1));
            List<Map<String, Object>> found = json.getList(at + ".hands");
            for (int j = 0; j < found.size(); j++) {
                List<List<Float>> points = json.getList(at + ".hands[" + j + "].points");
                assertThat(points).hasSize(21);
                points.forEach(p -> inside("hand point", p, width, height));
                assertThat(json.getString(at + ".hands[" + j + "].wrist")).isIn("leftWrist", "rightWrist");
                hands++;
            }
        }
        assertThat(hands).as("hands on sample3 (one holds a glass)").isPositive();

        // Reopened from the store: the same geometry.
        JsonPath stored = given().get("/v1/analyses/" + json.getString("id")).then().statusCode(200).extract().jsonPath();
        assertThat(stored.getList("faces.landmarks")).isEqualTo(json.getList("faces.landmarks"));
        assertThat(stored.getList("bodies")).isEqualTo(json.getList("bodies"));
        assertThat(stored.getMap("skeleton")).isEqualTo(json.getMap("skeleton"));
    }

    @Test
    void deidentifiedModeCarriesNoLandmarksButKeepsTheBodies() {
        Response plain = analyse(TestMedia.file("sample3.jpg").toFile(), "{}");
        Response response = analyse(TestMedia.file("sample3.jpg").toFile(), "{\"deidentify\":true}");
        JsonPath json = response.jsonPath();
        assertThat(json.getBoolean("privacy.deidentified")).isTrue();
        assertThat(json.getList("faces")).isEmpty();
        // Nothing read from a face, anywhere in the answer or in what is stored.
        assertThat(response.asString()).doesNotContain("landmarks", "noseTip", "rightEyeOuter");
        String stored = given().get("/v1/analyses/" + json.getString("id")).then().statusCode(200).extract().asString();
        assertThat(stored).doesNotContain("landmarks", "noseTip", "rightEyeOuter");
        // The pose model is not a face model (see ARCHITECTURE.md): the same people, keypoints and hands.
        assertThat(json.getList("bodies")).isEqualTo(plain.jsonPath().getList("bodies"));
        assertThat(json.getMap("skeleton")).isNotEmpty();
    }

    @Test
    void aLargePhotoDecodedSubsampledIsDrawnInItsOwnPixels() {
        JsonPath original = analyse(TestMedia.file("sample3.jpg").toFile(), "{}").jsonPath();
        // 2880 x 2025: decoded at half that, so every point is measured at 1440 px and scaled back by 2.
        JsonPath large = analyse(CraftedMedia.resized("sample3.jpg", 1.5).toFile(), "{}").jsonPath();
        assertThat(large.getInt("media.width")).isEqualTo(2880);
        assertThat(large.getList("bodies")).hasSameSizeAs(original.getList("bodies"));
        double tolerance = 0.03 * 2880;
        for (int i = 0; i < original.getList("bodies").size(); i++) {
            String at = "bodies[" + i + "]";
            for (String part : List.of("nose", "leftShoulder", "rightShoulder")) {
                String k = at + ".keypoints.find { it.part == '" + part + "' }";
                assertThat(large.getDouble(k + ".x")).as(at + " " + part + " x").isCloseTo(1.5 * original.getDouble(k + ".x"), within(tolerance));
                assertThat(large.getDouble(k + ".y")).as(at + " " + part + " y").isCloseTo(1.5 * original.getDouble(k + ".y"), within(tolerance));
            }
            String cue = "cues.find { it.id == '" + original.getString(at + ".id") + ".body' }.region";
            assertThat(large.getDouble(cue + ".x")).isCloseTo(1.5 * original.getDouble(cue + ".x"), within(tolerance));
        }
        for (int i = 0; i < original.getList("faces").size(); i++) {
            String tip = "faces[" + i + "].landmarks.noseTip";
            assertThat(large.getDouble(tip + "[0]")).isCloseTo(1.5 * original.getDouble(tip + "[0]"), within(tolerance));
            assertThat(large.getDouble(tip + "[1]")).isCloseTo(1.5 * original.getDouble(tip + "[1]"), within(tolerance));
        }
    }

    private static Response analyse(File media, String options) {
        return given().multiPart("media", media, "image/jpeg").multiPart("options", options, "application/json")
                .when().post("/v1/emotion/analyze").then().statusCode(200).extract().response();
    }

    private static void inside(String what, List<? extends Number> p, double width, double height) {
        assertThat(p.get(0).doubleValue()).as(what + " x").isBetween(0.0, width);
        assertThat(p.get(1).doubleValue()).as(what + " y").isBetween(0.0, height);
    }

    private static double num(Object v) {
        return ((Number) v).doubleValue();
    }
}

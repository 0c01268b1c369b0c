package io.affectra.api;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.startsWith;

import io.quarkus.test.junit.QuarkusTest;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** {@code /v1/prompts} over HTTP: the shipped templates listed, one read back, two diffed, and the failures. */
@QuarkusTest
class PromptResourceTest {

    private static final String PROBLEM = "application/problem+json";

    private static String sha256(String file) throws IOException, NoSuchAlgorithmException {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(Path.of("prompts", file))));
    }

    private static void expectProblem(String path, int status, String slug) {
        given().when().get(path).then().statusCode(status).contentType(PROBLEM)
                .body("type", equalTo("urn:affectra:problem:" + slug))
                .body("detail", not(containsString("Exception")));
    }

    @Test
    void listsEveryShippedTemplateSortedByIdWithTheDigestAnswersRecord() throws Exception {
        List<String> shipped;
        try (Stream<Path> files = Files.walk(Path.of("prompts"))) {
            shipped = files.filter(Files::isRegularFile).map(f -> Path.of("prompts").relativize(f).toString().replace('\\', '/'))
                    .map(f -> f.substring(0, f.length() - ".md".length())).sorted().toList();
        }

        given().when().get("/v1/prompts").then().statusCode(200)
                .body("id", equalTo(shipped))
                .body("find { it.id == 'emotion/direct' }.version", equalTo(1))
                .body("find { it.id == 'emotion/direct' }.sha256", equalTo(sha256("emotion/direct.md")))
                .body("find { it.id == 'emotion/direct' }.task", equalTo("emotion"))
                .body("find { it.id == 'emotion/direct' }.output", equalTo("emotion_answer"))
                .body("find { it.id == 'emotion/direct' }.variables", contains("cues", "labels", "transcript", "schema", "faceCount"))
                .body("find { it.id == 'emotion/direct' }.description", startsWith("One pass."))
                .body("find { it.id == 'emotion/direct' }.labels", empty())
                .body("find { it.id == 'pep/answer' }.task", equalTo("pep"))
                .body("[0]", not(hasKey("text")));
    }

    @Test
    void filtersByTask() {
        given().when().get("/v1/prompts?task=emotion").then().statusCode(200)
                .body("id", contains("emotion/deemo", "emotion/direct", "emotion/emo-llama"))
                .body("task", everyItem(equalTo("emotion")));
        given().when().get("/v1/prompts?task=poetry").then().statusCode(200).body("$", hasSize(0));
    }

    @Test
    void oneTemplateWithItsSectionsAndItsFile() throws Exception {
        String file = Files.readString(Path.of("prompts/emotion/direct.md"));

        for (String path : new String[] {"/v1/prompts/emotion/direct", "/v1/prompts/emotion/direct?version=1"}) {
            given().when().get(path).then().statusCode(200)
                    .body("id", equalTo("emotion/direct"))
                    .body("version", equalTo(1))
                    .body("sha256", equalTo(sha256("emotion/direct.md")))
                    .body("task", equalTo("emotion"))
                    .body("labels", empty())
                    .body("text", equalTo(file))
                    .body("system", startsWith("You are an emotion-recognition assistant."))
                    .body("system", not(containsString("[user]")))
                    .body("user", startsWith("Cues ({faceCount} face(s)):"));
        }
    }

    @Test
    void anotherVersionThanTheShippedOneIsNotFound() {
        expectProblem("/v1/prompts/emotion/direct?version=2", 404, "prompt-not-found");
        given().when().get("/v1/prompts/emotion/direct?version=2").then().body("detail", containsString("version 1, not 2"));
        expectProblem("/v1/prompts/emotion/direct?version=latest", 400, "invalid-query");
    }

    @Test
    void diffsTwoTemplatesLikeDiffU() throws Exception {
        given().when().get("/v1/prompts/diff?a=emotion/direct&b=emotion/emo-llama").then().statusCode(200)
                .body("a.id", equalTo("emotion/direct"))
                .body("a.version", equalTo(1))
                .body("a.sha256", equalTo(sha256("emotion/direct.md")))
                .body("b.id", equalTo("emotion/emo-llama"))
                .body("b.sha256", equalTo(sha256("emotion/emo-llama.md")))
                .body("identical", equalTo(false))
                .body("diff", startsWith("--- prompts/emotion/direct.md\n+++ prompts/emotion/emo-llama.md\n@@ -1,"))
                .body("diff", containsString("\n-id: emotion/direct\n"))
                .body("diff", containsString("\n+id: emotion/emo-llama\n"));
        given().when().get("/v1/prompts/diff?a=emotion/direct&b=emotion/direct").then().statusCode(200)
                .body("identical", equalTo(true))
                .body("diff", equalTo(""));
    }

    @Test
    void anUnknownTemplateIsNotFoundWhateverItsShape() {
        expectProblem("/v1/prompts/emotion/moody", 404, "prompt-not-found");
        expectProblem("/v1/prompts/Emotion/Direct", 404, "prompt-not-found");
        expectProblem("/v1/prompts/diff?a=emotion/direct&b=emotion/moody", 404, "prompt-not-found");
        expectProblem("/v1/prompts/diff?a=emotion&b=emotion/direct", 404, "prompt-not-found");
    }

    @Test
    void aDiffNeedsBothTemplates() {
        expectProblem("/v1/prompts/diff", 400, "invalid-query");
        expectProblem("/v1/prompts/diff?a=emotion/direct", 400, "invalid-query");
        expectProblem("/v1/prompts/diff?b=emotion/direct&a=", 400, "invalid-query");
    }
}

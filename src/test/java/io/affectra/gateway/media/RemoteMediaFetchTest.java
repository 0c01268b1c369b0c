package io.affectra.gateway.media;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import io.affectra.testing.RemoteMediaServer;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;
import io.vertx.core.json.JsonObject;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Remote media over real HTTP: the allow-list holds against encoded dot segments, and the download has one deadline. */
@QuarkusTest
@QuarkusTestResource(value = RemoteMediaServer.class, restrictToAnnotatedClass = true)
class RemoteMediaFetchTest {

    RemoteMediaServer server;

    @BeforeEach
    void setUp() {
        server.reset();
    }

    private static ValidatableResponse chat(String imageUrl) {
        String body = new JsonObject(Map.of("model", "affectra-cues", "messages", List.of(Map.of("role", "user", "content", List.of(
                Map.of("type", "text", "text", "How do they feel?"),
                Map.of("type", "image_url", "image_url", Map.of("url", imageUrl))))))).encode();
        return given().contentType("application/json").body(body).post("/v1/chat/completions").then();
    }

    @Test
    void encodedDotSegmentsDoNotLeaveTheAllowedPrefix() {
        for (String escape : List.of("/allowed/%2e%2e/secret/s.jpg", "/allowed/%2E%2e/secret/s.jpg", "/allowed/..%2fsecret/s.jpg",
                "/allowed/..;/secret/s.jpg")) {
            chat(server.root() + escape).statusCode(400)
                    .body("error.code", equalTo("remote_media_not_allowed"))
                    .body("error.param", equalTo("messages[0].content[1]"));
        }
        assertThat(server.requested()).as("nothing was fetched").isEmpty();
    }

    @Test
    void theUrlFetchedIsTheOneThatWasChecked() {
        chat(server.root() + "/allowed/x/%2e%2e/s.jpg").statusCode(200);

        assertThat(server.requested()).as("the path on the request line").containsExactly("/allowed/s.jpg");
    }

    @Test
    void aServerThatTricklesItsBodyIsCutOffAtTheDeadline() {
        chat(server.root() + "/allowed/slow.jpg").statusCode(400)
                .body("error.code", equalTo("remote_media_unavailable"))
                .body("error.message", containsString("affectra.chat.remote-media.timeout"));
    }
}

package io.affectra.api.auth;

import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The auth bypass family, sent byte for byte over a socket (HTTP clients normalise some of these before sending): no
 * spelling of a protected path answers without a key, on the JAX-RS routes, the Vert.x chat route or the SSE routes.
 */
@QuarkusTest
@TestProfile(AuthOnProfile.class)
class UnnormalisedPathAuthTest {

    @TestHTTPResource("/")
    URL base;

    private static final List<String> TRICKS = List.of(
            "//v1/backends", "/v1//backends", "/./v1/backends", "/v1/./backends", "/v1/../v1/backends", "/x/../v1/backends",
            "/%2e/v1/backends", "/%2e%2e/v1/backends", "/q/../v1/backends", "/q/%2e%2e/v1/backends", "/q/..;/v1/backends",
            "/q/health%2f..%2f..%2fv1/backends", "/q/%2e%2e%2fv1/backends", "/%761/backends", "/v%31/backends", "/%76%31/%62ackends", "/v1;x/backends",
            "/v1/backends;x", "/v1\\backends", "//v1/models", "/%761/models", "/v1;x/models",
            "/v1/emotion/jobs/none/events;x", "//v1/emotion/jobs/none/events", "/v1/evaluations/%2e%2e/backends",
            "//v1/responses/resp_x", "/v1;x/responses/resp_x", "/v1/responses/resp_x;x", "/v1/%72esponses/resp_x",
            "/v1/responses/%2e%2e/models", "/v1/responses/x/../resp_x");

    private static final List<String> POST_TRICKS = List.of(
            "//v1/chat/completions", "/v1;x/chat/completions", "/v1/chat/completions;x", "/%761/chat/completions",
            "/./v1/chat/completions", "/v1/chat//completions", "/v1;x/emotion/analyze", "//v1/emotion/analyze",
            "/v1/emotion/%61nalyze", "/q/../v1/emotion/analyze", "//v1/responses", "/v1;x/responses", "/v1/responses;x",
            "/%761/responses", "/./v1/responses", "/v1/%72esponses", "/q/../v1/responses", "/q/%2e%2e/v1/responses");

    @Test
    void noSpellingOfAProtectedPathAnswersWithoutAKey() throws IOException {
        for (String path : TRICKS) {
            int status = status("GET " + path + " HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n");
            assertThat(status).as("GET " + path).isEqualTo(400);
        }
        String body = "{\"model\":\"affectra-local\",\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}]}";
        for (String path : POST_TRICKS) {
            int status = status("POST " + path + " HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\nContent-Length: "
                    + body.length() + "\r\nConnection: close\r\n\r\n" + body);
            assertThat(status).as("POST " + path).isEqualTo(400);
        }
    }

    @Test
    void canonicalButUnusualSpellingsNeedAKeyToo() throws IOException {
        // Deny by default: any path outside /q/ needs a key, whatever the routers would make of it.
        for (String path : List.of("/V1/backends", "/v1/backends/", "/v1%2fbackends", "/v1%2Fbackends", "/v1", "/v1/", "/", "/v1/nope", "/Q/health",
                "/v1/emotion/jobs/none/events", "/v1/responses/resp_x", "/V1/responses/resp_x", "/v1/responses/", "/v1%2fresponses/resp_x")) {
            int status = status("GET " + path + " HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n");
            assertThat(status).as("GET " + path).isEqualTo(401);
        }
        String body = "{\"model\":\"affectra-local\",\"input\":\"hi\"}";
        for (String path : List.of("/v1/responses", "/v1/responses/", "/V1/responses", "/v1%2fresponses")) {
            int status = status("POST " + path + " HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\nContent-Length: "
                    + body.length() + "\r\nConnection: close\r\n\r\n" + body);
            assertThat(status).as("POST " + path).isEqualTo(401);
        }
        // Absolute-form request targets are judged on their path too.
        int absolute = status("GET http://localhost/v1/backends HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n");
        assertThat(absolute).isEqualTo(401);
    }

    @Test
    void theCanonicalPathWithAKeyWorksAndHealthStaysOpen() throws IOException {
        assertThat(status("GET /v1/backends HTTP/1.1\r\nHost: localhost\r\nAuthorization: Bearer " + AuthOnProfile.ALICE
                + "\r\nConnection: close\r\n\r\n")).isEqualTo(200);
        assertThat(status("GET /q/health/live HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n")).isEqualTo(200);
        // A key does not make a non-canonical path acceptable.
        assertThat(status("GET //v1/backends HTTP/1.1\r\nHost: localhost\r\nAuthorization: Bearer " + AuthOnProfile.ALICE
                + "\r\nConnection: close\r\n\r\n")).isEqualTo(400);
    }

    private int status(String request) throws IOException {
        try (Socket socket = new Socket(base.getHost(), base.getPort())) {
            socket.setSoTimeout(30_000);
            OutputStream out = socket.getOutputStream();
            out.write(request.getBytes(StandardCharsets.ISO_8859_1));
            out.flush();
            InputStream in = socket.getInputStream();
            ByteArrayOutputStream line = new ByteArrayOutputStream();
            int b;
            while ((b = in.read()) != -1 && b != '\n') {
                line.write(b);
            }
            String statusLine = line.toString(StandardCharsets.ISO_8859_1).trim();
            assertThat(statusLine).as("status line for " + request.lines().findFirst().orElse("")).startsWith("HTTP/1.1 ");
            return Integer.parseInt(statusLine.substring(9, 12));
        }
    }
}

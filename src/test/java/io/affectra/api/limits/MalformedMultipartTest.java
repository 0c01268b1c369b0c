package io.affectra.api.limits;

import static org.assertj.core.api.Assertions.assertThat;

import io.affectra.testing.RawHttp;
import io.affectra.testing.RawHttp.Reply;
import io.affectra.testing.TestMedia;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import java.io.ByteArrayOutputStream;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Multipart bodies that are not well formed (cut short, another boundary than the header's, no boundary at all) are
 * the client's error: a 400 problem with a stable type on every upload route, never a 500.
 */
@QuarkusTest
class MalformedMultipartTest {

    private static final List<String> UPLOAD_ROUTES = List.of("/v1/emotion/analyze", "/v1/emotion/jobs", "/v1/evaluations");

    @TestHTTPResource("/")
    URL base;

    @Test
    void aMultipartBodyCutShortIsA400() throws Exception {
        byte[] whole = multipart("XyZ", partName("/v1/emotion/analyze"), TestMedia.bytes("sample1.jpg"));
        byte[] truncated = Arrays.copyOf(whole, whole.length / 2);
        for (String path : UPLOAD_ROUTES) {
            byte[] body = Arrays.copyOf(multipart("XyZ", partName(path), TestMedia.bytes("sample1.jpg")), truncated.length);
            assertMalformed(path, RawHttp.post(base, path, "multipart/form-data; boundary=XyZ", body));
        }
    }

    @Test
    void aBodyWithAnotherBoundaryThanTheHeaderIsA400() throws Exception {
        for (String path : UPLOAD_ROUTES) {
            byte[] body = multipart("OtherBoundary", partName(path), TestMedia.bytes("sample1.jpg"));
            assertMalformed(path, RawHttp.post(base, path, "multipart/form-data; boundary=XyZ", body));
        }
    }

    @Test
    void aMultipartTypeWithoutABoundaryIsA400() throws Exception {
        for (String path : UPLOAD_ROUTES) {
            byte[] body = multipart("XyZ", partName(path), TestMedia.bytes("sample1.jpg"));
            assertMalformed(path, RawHttp.post(base, path, "multipart/form-data", body));
        }
    }

    private static void assertMalformed(String path, Reply reply) {
        assertThat(reply.status()).as(path + ": " + reply.body()).isEqualTo(400);
        assertThat(reply.head()).as(path).containsIgnoringCase("application/problem+json");
        assertThat(reply.body()).as(path).contains("\"type\"").contains("malformed-multipart").doesNotContain("Exception");
    }

    private static String partName(String path) {
        return path.equals("/v1/evaluations") ? "dataset" : "media";
    }

    private static byte[] multipart(String boundary, String name, byte[] content) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + name + "\"; filename=\"f.jpg\"\r\n"
                + "Content-Type: application/octet-stream\r\n\r\n").getBytes(StandardCharsets.ISO_8859_1));
        out.writeBytes(content);
        out.writeBytes(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.ISO_8859_1));
        return out.toByteArray();
    }
}

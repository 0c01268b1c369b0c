package io.affectra.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.affectra.testing.TestMedia;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.StreamSupport;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

/**
 * Transcripts over raw multipart (the exact bytes and part headers a client sends): decoded by byte-order mark or
 * declared charset, refused when their bytes are not text, and their timed cues kept on the media's time line.
 */
@QuarkusTest
class TranscriptInputTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String SAID = "Quelle journée, je suis ravie !";

    @TestHTTPResource("/")
    URL base;

    /** One multipart part: a file part when {@code fileName} is set, else a plain form field. */
    private record Part(String name, String fileName, String contentType, byte[] bytes) {
    }

    private HttpResponse<String> post(String path, Part... parts) throws Exception {
        String boundary = "affectra-test-boundary";
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        for (Part p : parts) {
            StringBuilder head = new StringBuilder("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + p.name() + "\"");
            if (p.fileName() != null) {
                head.append("; filename=\"").append(p.fileName()).append('"');
            }
            head.append("\r\n");
            if (p.contentType() != null) {
                head.append("Content-Type: ").append(p.contentType()).append("\r\n");
            }
            body.writeBytes(head.append("\r\n").toString().getBytes(StandardCharsets.US_ASCII));
            body.writeBytes(p.bytes());
            body.writeBytes("\r\n".getBytes(StandardCharsets.US_ASCII));
        }
        body.writeBytes(("--" + boundary + "--\r\n").getBytes(StandardCharsets.US_ASCII));
        HttpRequest request = HttpRequest.newBuilder(URI.create(base + path.substring(1)))
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())).build();
        return HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());
    }

    private static Part photo() {
        return new Part("media", "sample1.jpg", "image/jpeg", TestMedia.bytes("sample1.jpg"));
    }

    private static byte[] bytes(byte[] bom, String text, Charset charset) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(bom);
        out.writeBytes(text.getBytes(charset));
        return out.toByteArray();
    }

    private static String transcriptCue(HttpResponse<String> response) throws Exception {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        JsonNode cues = JSON.readTree(response.body()).path("cues");
        return StreamSupport.stream(cues.spliterator(), false).filter(c -> c.path("id").asText().equals("T1")).findFirst()
                .orElseThrow().path("label").asText();
    }

    private static void assertInvalidTranscript(HttpResponse<String> response, String detail) throws Exception {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(400);
        assertThat(response.headers().firstValue("content-type")).hasValueSatisfying(t -> assertThat(t).startsWith("application/problem+json"));
        JsonNode problem = JSON.readTree(response.body());
        assertThat(problem.path("type").asText()).isEqualTo("urn:affectra:problem:invalid-transcript");
        assertThat(problem.path("detail").asText()).contains(detail);
    }

    @ParameterizedTest
    @CsvSource({"UTF-16LE, FF FE", "UTF-16BE, FE FF", "UTF-8, EF BB BF"})
    void aTranscriptFileIsDecodedByItsByteOrderMark(String charset, String bom) throws Exception {
        byte[] mark = new byte[bom.split(" ").length];
        for (int i = 0; i < mark.length; i++) {
            mark[i] = (byte) Integer.parseInt(bom.split(" ")[i], 16);
        }
        HttpResponse<String> response = post("/v1/emotion/analyze", photo(),
                new Part("transcript", "said.txt", "text/plain", bytes(mark, SAID, Charset.forName(charset))));

        assertThat(transcriptCue(response)).isEqualTo(SAID);
    }

    @Test
    void aTranscriptFileIsDecodedByTheCharsetItsPartDeclares() throws Exception {
        HttpResponse<String> response = post("/v1/emotion/analyze", photo(),
                new Part("transcript", "said.txt", "text/plain; charset=windows-1252", SAID.getBytes(Charset.forName("windows-1252"))));

        assertThat(transcriptCue(response)).isEqualTo(SAID);
    }

    @Test
    void aTranscriptFileThatIsNotUtf8AndSaysNothingIsRefused() throws Exception {
        HttpResponse<String> response = post("/v1/emotion/analyze", photo(),
                new Part("transcript", "said.txt", "text/plain", SAID.getBytes(StandardCharsets.ISO_8859_1)));

        assertInvalidTranscript(response, "not valid UTF-8");
    }

    @Test
    void aTranscriptFieldWithBytesThatAreNotUtf8IsRefused() throws Exception {
        HttpResponse<String> response = post("/v1/emotion/analyze", photo(),
                new Part("transcript", null, null, SAID.getBytes(StandardCharsets.ISO_8859_1)));

        assertInvalidTranscript(response, "not valid UTF-8");
    }

    @Test
    void aTranscriptFieldIsDecodedByItsByteOrderMarkOrDeclaredCharsetToo() throws Exception {
        HttpResponse<String> marked = post("/v1/emotion/analyze", photo(),
                new Part("transcript", null, null, bytes(new byte[] {(byte) 0xFF, (byte) 0xFE}, SAID, StandardCharsets.UTF_16LE)));
        HttpResponse<String> declared = post("/v1/emotion/analyze", photo(),
                new Part("transcript", null, "text/plain; charset=ISO-8859-1", SAID.getBytes(StandardCharsets.ISO_8859_1)));

        assertThat(transcriptCue(marked)).isEqualTo(SAID);
        assertThat(transcriptCue(declared)).isEqualTo(SAID);
    }

    @Test
    void aTranscriptFieldInUtf8IsReadAsItWasSent() throws Exception {
        HttpResponse<String> response = post("/v1/emotion/analyze", photo(), new Part("transcript", null, null, SAID.getBytes(StandardCharsets.UTF_8)));

        assertThat(transcriptCue(response)).isEqualTo(SAID);
    }

    @Test
    void aTranscriptDeclaringAnUnknownCharsetIsRefused() throws Exception {
        HttpResponse<String> response = post("/v1/emotion/analyze", photo(),
                new Part("transcript", "said.txt", "text/plain; charset=x-klingon", SAID.getBytes(StandardCharsets.UTF_8)));

        assertInvalidTranscript(response, "x-klingon");
    }

    @Test
    void aJobRefusesAnUnreadableTranscriptAtSubmission() throws Exception {
        HttpResponse<String> response = post("/v1/emotion/jobs", new Part("media", "speech.wav", "audio/wav", TestMedia.bytes("speech.wav")),
                new Part("transcript", "said.srt", "application/x-subrip", SAID.getBytes(StandardCharsets.ISO_8859_1)));

        assertInvalidTranscript(response, "not valid UTF-8");
    }

    @Test
    void timedCuesOutsideTheMediaAreDroppedOrCutWithAWarning() throws Exception {
        String srt = """
                1
                00:00:01,000 --> 00:00:02,500
                I can't believe we actually won.

                2
                00:00:05,000 --> 00:00:03,000
                Backwards.

                3
                00:00:20,000 --> 00:00:22,000
                After the end.

                4
                00:00:13,000 --> 00:00:30,000
                Thank you all so much for coming.
                """;
        HttpResponse<String> response = post("/v1/emotion/analyze", new Part("media", "speech.wav", "audio/wav", TestMedia.bytes("speech.wav")),
                new Part("transcript", null, null, srt.getBytes(StandardCharsets.UTF_8)));

        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        JsonNode result = JSON.readTree(response.body());
        long duration = result.path("media").path("durationMs").asLong();
        List<JsonNode> kept = new ArrayList<>();
        result.path("temporal").path("transcript").forEach(kept::add);
        assertThat(kept).extracting(s -> s.path("index").asInt()).containsExactly(1, 4);
        assertThat(kept.get(1).path("endMs").asLong()).isEqualTo(duration);
        List<String> warnings = new ArrayList<>();
        result.path("warnings").forEach(w -> warnings.add(w.asText()));
        assertThat(warnings).contains("transcript cue 2 (5.0 s --> 3.0 s) ends before it starts: dropped",
                "transcript cue 3 (20.0 s --> 22.0 s) starts after the media ends (14.3 s): dropped",
                "transcript cue 4 (13.0 s --> 30.0 s) runs past the media's end: cut at 14.3 s");
    }

    @Test
    void aTranscriptFormFieldLongerThanTheTransportsDefaultIsAccepted() throws Exception {
        // 12 KB of words as a plain field (-F transcript=...): the transport's default would refuse over 2 KiB.
        String said = "I am so happy to see you again. ".repeat(400);
        HttpResponse<String> response = post("/v1/emotion/analyze", photo(),
                new Part("transcript", null, null, said.getBytes(StandardCharsets.UTF_8)));

        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        assertThat(response.body()).contains("happy to see you");
    }

    @Test
    void aTranscriptFormFieldOverTheTranscriptLimitIsTranscriptTooLong() throws Exception {
        String said = "a".repeat(200_001);
        HttpResponse<String> response = post("/v1/emotion/analyze", photo(),
                new Part("transcript", null, null, said.getBytes(StandardCharsets.UTF_8)));

        assertThat(response.statusCode()).as(response.body()).isEqualTo(400);
        assertThat(JSON.readTree(response.body()).path("type").asText()).isEqualTo("urn:affectra:problem:transcript-too-long");
    }
}

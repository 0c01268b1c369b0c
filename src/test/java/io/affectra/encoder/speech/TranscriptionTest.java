package io.affectra.encoder.speech;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.affectra.encoder.text.TranscriptSegment;
import io.affectra.testing.TestMedia;
import io.affectra.testing.TranscriptionStub;
import io.affectra.testing.TranscriptionStub.Reply;
import io.affectra.testing.TranscriptionStub.Segment;
import io.affectra.testing.TranscriptionStub.Upload;
import io.quarkus.runtime.configuration.DurationConverter;
import io.smallrye.config.PropertiesConfigSource;
import io.smallrye.config.SmallRyeConfig;
import io.smallrye.config.SmallRyeConfigBuilder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The speech-to-text backends over real HTTP to a loopback stub of the OpenAI transcription API, configured the way the
 * server reads its settings: the request the backend receives, what its replies become, and the retry, timeout and
 * circuit-breaker rules.
 */
class TranscriptionTest {

    private static final Path SPEECH = TestMedia.file("speech.wav");
    private static final Segment[] SAID = {new Segment(0.5, 5.62, "I can't believe we actually won the final."),
            new Segment(7.1, 10.3, "Honestly, I was really nervous before the match.")};

    private static TranscriptionStub stub;
    private final AtomicLong now = new AtomicLong(1_000);
    private Transcription transcription;

    @BeforeAll
    static void startStub() {
        stub = TranscriptionStub.start();
    }

    @AfterAll
    static void stopStub() {
        stub.close();
    }

    @BeforeEach
    void setUp() {
        stub.reset();
        Map<String, String> p = new HashMap<>();
        backend(p, "stt", stub.baseUrl(), "1", "0");
        p.put("affectra.transcription.backends.stt.api-key", "sk-stt-secret");
        backend(p, "bare", stub.root() + "/", "0", "0");
        p.put("affectra.transcription.backends.bare.model", "large-v3");
        backend(p, "slow", stub.baseUrl(), "2", "0");
        p.put("affectra.transcription.backends.slow.timeout", "300ms");
        backend(p, "breaker", stub.baseUrl(), "0", "2");
        backend(p, "down", "http://127.0.0.1:9", "1", "0");
        p.put("affectra.transcription.backends.private.kind", "openai");
        p.put("affectra.transcription.backends.private.base-url", stub.baseUrl());
        p.put("affectra.transcription.backends.private.trusted", "true");
        p.put("affectra.transcription.default-backend", "stt");
        transcription = new Transcription(config(p), now::get);
    }

    private static void backend(Map<String, String> p, String name, String url, String retries, String breaker) {
        String prefix = "affectra.transcription.backends." + name + ".";
        p.put(prefix + "kind", "openai");
        p.put(prefix + "base-url", url);
        p.put(prefix + "max-retries", retries);
        p.put(prefix + "retry-backoff", "1ms");
        p.put(prefix + "circuit-breaker-failures", breaker);
        p.put(prefix + "circuit-breaker-delay", "30s");
    }

    static TranscriptionConfig config(Map<String, String> properties) {
        SmallRyeConfig config = new SmallRyeConfigBuilder().withConverter(Duration.class, 200, new DurationConverter())
                .withMapping(TranscriptionConfig.class).withSources(new PropertiesConfigSource(properties, "test", 300)).build();
        return config.getConfigMapping(TranscriptionConfig.class);
    }

    private Heard hear(String option) {
        return transcription.transcribe(transcription.plan(option, false), SPEECH);
    }

    @Test
    void theAudioGoesAsAMultipartUploadAndItsSegmentsComeBackTimed() throws Exception {
        stub.enqueue(Reply.ok(TranscriptionStub.verboseJson(SAID)));

        Heard heard = hear("auto");

        assertThat(heard.heard()).isTrue();
        assertThat(heard.transcript().segments()).containsExactly(
                new TranscriptSegment(1, 500, 5620, "I can't believe we actually won the final.", true),
                new TranscriptSegment(2, 7100, 10300, "Honestly, I was really nervous before the match.", true));
        Upload upload = stub.lastRequest();
        assertThat(upload.method()).isEqualTo("POST");
        assertThat(upload.path()).isEqualTo("/v1/audio/transcriptions");
        assertThat(upload.contentType()).startsWith("multipart/form-data; boundary=");
        assertThat(upload.header("Authorization")).isEqualTo("Bearer sk-stt-secret");
        assertThat(upload.field("model")).isEqualTo("whisper-1");
        assertThat(upload.field("response_format")).isEqualTo("verbose_json");
        assertThat(upload.field("timestamp_granularities[]")).isEqualTo("segment");
        assertThat(upload.file().filename()).isEqualTo("audio.wav");
        assertThat(upload.file().contentType()).isEqualTo("audio/wav");
        assertThat(upload.file().bytes()).isEqualTo(Files.readAllBytes(SPEECH));
    }

    @Test
    void aBaseUrlWithoutV1ReachesTheSameEndpointWithTheBackendsModelAndNoKey() {
        stub.enqueue(Reply.ok(TranscriptionStub.verboseJson(SAID)));

        assertThat(hear("bare").heard()).isTrue();

        assertThat(stub.lastRequest().path()).isEqualTo("/v1/audio/transcriptions");
        assertThat(stub.lastRequest().field("model")).isEqualTo("large-v3");
        assertThat(stub.lastRequest().header("Authorization")).isNull();
    }

    @Test
    void aReplyWithTextAndNoSegmentsIsReadAsSentencesToAlign() {
        stub.enqueue(Reply.ok("{\"text\":\" We won the final. I am so happy! \"}"));

        List<TranscriptSegment> segments = hear("auto").transcript().segments();

        assertThat(segments).extracting(TranscriptSegment::text).containsExactly("We won the final.", "I am so happy!");
        assertThat(segments).noneMatch(TranscriptSegment::timed);
    }

    @Test
    void aServerErrorIsRetriedThenTheWordsArrive() {
        stub.enqueue(Reply.error(503, "loading model"), Reply.ok(TranscriptionStub.verboseJson(SAID)));

        assertThat(hear("auto").heard()).isTrue();
        assertThat(stub.requests()).hasSize(2);
    }

    @Test
    void aServerErrorThatPersistsIsAWarningNamingTheBackendAndTheStatus() {
        stub.enqueue(Reply.error(500, "boom"), Reply.error(500, "boom"), Reply.ok(TranscriptionStub.verboseJson(SAID)));

        Heard heard = hear("auto");

        assertThat(heard.heard()).isFalse();
        assertThat(heard.warning()).startsWith("no words were used: transcription backend 'stt' answered HTTP 500, after 2 tries");
        assertThat(stub.requests()).hasSize(2);
    }

    @Test
    void garbageIsNotATranscriptionAndIsNotAskedForAgain() {
        stub.enqueue(Reply.ok("<html>502 Bad Gateway</html>"), Reply.ok("{\"result\":\"ok\"}"),
                Reply.ok("{\"text\":\"x\",\"segments\":[{\"start\":\"soon\",\"end\":1,\"text\":\"x\"}]}"));

        assertThat(hear("auto").warning()).contains("'stt' answered something that is not JSON");
        assertThat(hear("auto").warning()).contains("'stt' answered JSON that is not a transcription");
        assertThat(hear("auto").warning()).contains("'stt' answered segments without numeric start and end");
        assertThat(stub.requests()).hasSize(3);
    }

    @Test
    void aBackendSlowerThanItsTimeoutIsGivenUpAndNotRetried() {
        stub.enqueue(Reply.hang());

        Heard heard = hear("slow");

        assertThat(heard.warning()).contains("transcription backend 'slow' did not answer within 300 ms");
        assertThat(stub.requests()).as("a timeout is not retried, though two retries are allowed").hasSize(1);
    }

    @Test
    void aBackendThatIsDownIsRetriedAndNamed() {
        Heard heard = hear("down");

        assertThat(heard.warning()).contains("transcription backend 'down' could not be reached", ", after 2 tries");
    }

    @Test
    void theCircuitOpensAfterConsecutiveFailuresAndATrialCallClosesItAgain() {
        stub.enqueue(Reply.error(500, "a"), Reply.error(502, "b"));
        hear("breaker");
        hear("breaker");

        Heard refused = hear("breaker");

        assertThat(refused.warning()).contains("'breaker' was not called: its circuit is open after repeated failures");
        assertThat(stub.requests()).as("the open circuit sent nothing").hasSize(2);

        now.addAndGet(Duration.ofSeconds(31).toNanos());
        stub.enqueue(Reply.ok(TranscriptionStub.verboseJson(SAID)));
        assertThat(hear("breaker").heard()).as("the trial call after the delay").isTrue();
        stub.enqueue(Reply.ok(TranscriptionStub.verboseJson(SAID)));
        assertThat(hear("breaker").heard()).as("closed again").isTrue();
    }

    @Test
    void theClientsMistakesNeitherRetryNorOpenTheCircuit() {
        stub.enqueue(Reply.error(401, "bad key"), Reply.error(404, "no such model"), Reply.error(400, "bad audio"));

        assertThat(hear("breaker").warning()).contains("answered HTTP 401");
        assertThat(hear("breaker").warning()).contains("answered HTTP 404");
        assertThat(hear("breaker").warning()).contains("answered HTTP 400");
        assertThat(stub.requests()).as("every call went out: the circuit stayed closed").hasSize(3);
    }

    @Test
    void theOptionDecidesWhoHearsAndPrivacyWhetherAnyoneMay() {
        assertThat(transcription.plan(null, false)).isEqualTo(new TranscriptionPlan("stt", "whisper-1", null, null));
        assertThat(transcription.plan("auto", false).key()).isEqualTo("stt/whisper-1");
        assertThat(transcription.plan("bare", false).key()).isEqualTo("bare/large-v3");
        assertThat(transcription.plan("never", false)).isEqualTo(TranscriptionPlan.NONE);

        TranscriptionPlan deidentified = transcription.plan("auto", true);
        assertThat(deidentified.runs()).isFalse();
        assertThat(deidentified.withheld()).contains("not sent to transcription backend 'stt' in de-identified mode",
                "affectra.transcription.backends.stt.trusted");
        assertThat(transcription.plan("private", true).runs()).as("a trusted backend hears de-identified audio").isTrue();

        assertThatThrownBy(() -> transcription.check("nope")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("no transcription backend 'nope'").hasMessageContaining("bare, breaker, down, private, slow, stt");
    }

    @Test
    void withoutABackendAutoHearsNothingAndSaysWhichSettingsWouldChangeThat() {
        Transcription offline = new Transcription(config(Map.of()), now::get);

        TranscriptionPlan plan = offline.plan("auto", false);

        assertThat(plan.runs()).isFalse();
        assertThat(plan.warning()).startsWith("no words were used")
                .contains("affectra.transcription.backends.<name>.kind=openai", "affectra.transcription.default-backend");
        assertThatThrownBy(() -> offline.check("stt")).hasMessageContaining("use auto, never");
    }

    @Test
    void aDefaultNamingNoBackendOrABackendNamedLikeAnOptionStopsStartup() {
        assertThatThrownBy(() -> new Transcription(config(Map.of("affectra.transcription.default-backend", "whisper")), now::get))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("default-backend names 'whisper'");
        assertThatThrownBy(() -> new Transcription(config(Map.of("affectra.transcription.backends.never.kind", "openai")), now::get))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("'never' is a transcribe option");
    }
}

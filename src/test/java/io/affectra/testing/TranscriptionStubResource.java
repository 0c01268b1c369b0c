package io.affectra.testing;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.util.HashMap;
import java.util.Map;

/**
 * Starts a {@link TranscriptionStub} on loopback for a Quarkus test and declares speech-to-text backends on it, one per
 * behaviour under test: {@code stt} (the default; untrusted, one retry, no breaker), {@code stt-other} (named by its
 * root URL, without {@code /v1}), {@code stt-trusted} (may hear de-identified audio), {@code stt-slow} (timeout 300 ms)
 * and {@code stt-breaker} (opens after two failures). Retries wait 1 ms. With {@link OpenAiStubResource} beside it,
 * model id {@code heard-chat} is a chat-mode model on that stub's {@code stub} backend. Tests get the stub injected into
 * fields of type {@link TranscriptionStub}.
 */
public class TranscriptionStubResource implements QuarkusTestResourceLifecycleManager {

    private TranscriptionStub stub;

    @Override
    public Map<String, String> start() {
        stub = TranscriptionStub.start();
        Map<String, String> p = new HashMap<>();
        backend(p, "stt", stub.baseUrl(), "whisper-1", 1, 0);
        p.put("affectra.transcription.backends.stt.api-key", "sk-stt-secret");
        backend(p, "stt-other", stub.root(), "large-v3", 0, 0);
        backend(p, "stt-trusted", stub.baseUrl(), "trusted-model", 0, 0);
        p.put("affectra.transcription.backends.stt-trusted.trusted", "true");
        backend(p, "stt-slow", stub.baseUrl(), "whisper-1", 0, 0);
        p.put("affectra.transcription.backends.stt-slow.timeout", "300ms");
        backend(p, "stt-breaker", stub.baseUrl(), "whisper-1", 0, 2);
        p.put("affectra.transcription.backends.stt-breaker.circuit-breaker-delay", "1h");
        p.put("affectra.transcription.default-backend", "stt");
        p.put("affectra.models.heard-chat.backend", "stub");
        return p;
    }

    private static void backend(Map<String, String> p, String name, String url, String model, int retries, int breaker) {
        String prefix = "affectra.transcription.backends." + name + ".";
        p.put(prefix + "kind", "openai");
        p.put(prefix + "base-url", url);
        p.put(prefix + "model", model);
        p.put(prefix + "timeout", "10s");
        p.put(prefix + "max-retries", Integer.toString(retries));
        p.put(prefix + "retry-backoff", "1ms");
        p.put(prefix + "circuit-breaker-failures", Integer.toString(breaker));
    }

    @Override
    public void inject(TestInjector injector) {
        injector.injectIntoFields(stub, new TestInjector.MatchesType(TranscriptionStub.class));
    }

    @Override
    public void stop() {
        if (stub != null) {
            stub.close();
        }
    }
}

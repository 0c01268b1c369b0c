package io.affectra.encoder.speech;

import io.affectra.resilience.CircuitBreaker;
import io.affectra.resilience.RetryPolicy;
import io.quarkus.runtime.Startup;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.net.http.HttpClient;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.LongSupplier;
import org.jboss.logging.Logger;

/**
 * The configured speech-to-text backends ({@link TranscriptionConfig}), each built once with its own retry policy and
 * circuit breaker, under the rules of the LLM backends on the chat surface: connection failures, 429 and 5xx are retried
 * with backoff (a {@code Retry-After} up to 10 s honoured), timeouts are not (the backend may still be working on it);
 * connection failures, timeouts, 5xx and replies that are no transcription count towards opening the circuit. A failure
 * never fails the analysis: {@link #transcribe} says what failed instead. Checked at startup, so a default naming no
 * backend or a bad URL stops the server.
 */
@Startup
@ApplicationScoped
public class Transcription {

    /** The {@code transcribe} options besides a backend's name. */
    public static final String AUTO = "auto";
    public static final String NEVER = "never";

    private static final Logger LOG = Logger.getLogger(Transcription.class);

    private record Backend(String name, TranscriptionBackendConfig config, Transcriber transcriber, RetryPolicy retry,
            CircuitBreaker breaker) {
    }

    private final Map<String, Backend> backends = new TreeMap<>();
    private final String defaultBackend;

    @Inject
    public Transcription(TranscriptionConfig config) {
        this(config, System::nanoTime);
    }

    /** @param clock the breakers' nanosecond clock */
    Transcription(TranscriptionConfig config, LongSupplier clock) {
        config.backends().forEach((name, c) -> {
            if (name.equals(AUTO) || name.equals(NEVER)) {
                throw new IllegalStateException("affectra.transcription.backends." + name + ": '" + name
                        + "' is a transcribe option of its own; give the backend another name");
            }
            backends.put(name, build(name, c, clock));
        });
        this.defaultBackend = config.defaultBackend().filter(n -> !n.isBlank()).orElse(null);
        if (defaultBackend != null && !backends.containsKey(defaultBackend)) {
            throw new IllegalStateException("affectra.transcription.default-backend names '" + defaultBackend
                    + "', which is not configured under affectra.transcription.backends (" + names() + ")");
        }
    }

    private static Backend build(String name, TranscriptionBackendConfig c, LongSupplier clock) {
        Transcriber transcriber = switch (c.kind()) {
            case OPENAI -> {
                HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                        .connectTimeout(min(c.timeout(), Duration.ofSeconds(10))).followRedirects(HttpClient.Redirect.NEVER).build();
                try {
                    yield new OpenAiTranscriber(client, c.baseUrl(), c.model(), c.apiKey(), c.timeout());
                } catch (IllegalArgumentException e) {
                    throw new IllegalStateException("affectra.transcription.backends." + name + ".base-url is not a URL: " + e.getMessage());
                }
            }
        };
        return new Backend(name, c, transcriber, new RetryPolicy(c.maxRetries(), c.retryBackoff(), RetryPolicy.MAX_DELAY),
                new CircuitBreaker(c.circuitBreakerFailures(), c.circuitBreakerDelay(), clock));
    }

    /** Whether a backend is configured for {@code transcribe: auto}. */
    public Optional<String> defaultBackend() {
        return Optional.ofNullable(defaultBackend);
    }

    /**
     * Refuses a {@code transcribe} option that names no configured backend.
     *
     * @throws IllegalArgumentException saying which options there are
     */
    public void check(String option) {
        String choice = choice(option);
        if (!choice.equals(AUTO) && !choice.equals(NEVER) && !backends.containsKey(choice)) {
            throw new IllegalArgumentException("no transcription backend '" + choice + "' is configured; use auto, never"
                    + (backends.isEmpty() ? "" : " or one of " + names()));
        }
    }

    /**
     * Who hears a clip for this request: {@code auto} (or null) is the default backend, {@code never} none, else the
     * named backend. In de-identified mode the audio only goes to a backend marked trusted.
     */
    public TranscriptionPlan plan(String option, boolean deidentify) {
        check(option);
        String choice = choice(option);
        if (choice.equals(NEVER)) {
            return TranscriptionPlan.NONE;
        }
        String name = choice.equals(AUTO) ? defaultBackend : choice;
        if (name == null) {
            return new TranscriptionPlan(null, null, "no words were used: the speech was measured (voice activity, prosody) but not "
                    + "transcribed, since no transcription backend is configured; send a transcript, or configure one "
                    + "(affectra.transcription.backends.<name>.kind=openai with base-url and model, and "
                    + "affectra.transcription.default-backend=<name>)", null);
        }
        Backend backend = backends.get(name);
        if (deidentify && !backend.config().trusted()) {
            return new TranscriptionPlan(null, null, null, "words: the audio is not sent to transcription backend '" + name
                    + "' in de-identified mode, since it is not marked trusted (affectra.transcription.backends." + name
                    + ".trusted); send a transcript to use words");
        }
        return new TranscriptionPlan(name, backend.config().model(), null, null);
    }

    /**
     * Sends the recording to the plan's backend, with retries and its circuit breaker. Blocking (backoff included):
     * call it on a worker thread.
     *
     * @param wav 16 kHz mono PCM16
     */
    public Heard transcribe(TranscriptionPlan plan, Path wav) {
        Backend backend = backends.get(plan.backend());
        if (backend == null) {
            throw new IllegalArgumentException("no transcription backend '" + plan.backend() + "'");
        }
        for (int tries = 1;; tries++) {
            if (!backend.breaker().tryAcquire()) {
                return failed(backend, "was not called: its circuit is open after repeated failures (a call is tried again "
                        + OpenAiTranscriber.format(backend.config().circuitBreakerDelay()) + " after it opened)", tries - 1);
            }
            try {
                Transcript transcript = backend.transcriber().transcribe(wav);
                backend.breaker().onSuccess();
                return new Heard(transcript, null);
            } catch (TranscriptionFailure f) {
                if (f.backendFault()) {
                    backend.breaker().onFailure();
                } else {
                    backend.breaker().release();
                }
                long delay = f.retryable()
                        ? backend.retry().delayMillis(tries, f.retryAfterMillis(), () -> ThreadLocalRandom.current().nextDouble()) : -1;
                if (delay < 0) {
                    return failed(backend, f.getMessage(), tries);
                }
                try {
                    Thread.sleep(delay);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return failed(backend, f.getMessage() + ", and the retry was interrupted", tries);
                }
            }
        }
    }

    private static Heard failed(Backend backend, String what, int tries) {
        String detail = what + (tries > 1 ? ", after " + tries + " tries" : "");
        LOG.warnf("transcription backend '%s' %s", backend.name(), detail);
        return Heard.failed("no words were used: transcription backend '" + backend.name() + "' " + detail
                + "; the answer rests on the other cues (send a transcript to use words)");
    }

    private static String choice(String option) {
        return option == null || option.isBlank() ? AUTO : option.strip();
    }

    private String names() {
        return backends.isEmpty() ? "none" : String.join(", ", backends.keySet());
    }

    private static Duration min(Duration a, Duration b) {
        return a.compareTo(b) <= 0 ? a : b;
    }
}

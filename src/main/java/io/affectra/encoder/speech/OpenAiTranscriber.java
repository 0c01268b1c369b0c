package io.affectra.encoder.speech;

import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * The OpenAI transcription API, as OpenAI, vLLM, whisper.cpp's server and faster-whisper servers speak it:
 * {@code POST {base}/v1/audio/transcriptions}, multipart ({@code file}, {@code model},
 * {@code response_format=verbose_json}, {@code timestamp_granularities[]=segment}), answered with {@code text} and
 * {@code segments[{start, end, text}]} in seconds. The WAV is streamed from its file, never held in memory. The
 * timeout bounds the whole exchange, upload and reply.
 */
final class OpenAiTranscriber implements Transcriber {

    private final HttpClient client;
    private final URI endpoint;
    private final String model;
    private final Optional<String> apiKey;
    private final Duration timeout;

    OpenAiTranscriber(HttpClient client, String baseUrl, String model, Optional<String> apiKey, Duration timeout) {
        this.client = client;
        this.endpoint = endpoint(baseUrl);
        this.model = model;
        this.apiKey = apiKey.filter(k -> !k.isBlank());
        this.timeout = timeout;
    }

    /** {@code http://h:8000/v1} and {@code http://h:8000} both reach {@code http://h:8000/v1/audio/transcriptions}. */
    static URI endpoint(String baseUrl) {
        String base = baseUrl.strip();
        while (base.endsWith("/")) {
            base = base.substring(0, base.length() - 1);
        }
        return URI.create(base + (base.endsWith("/v1") ? "" : "/v1") + "/audio/transcriptions");
    }

    URI endpoint() {
        return endpoint;
    }

    @Override
    public Transcript transcribe(Path wav) throws TranscriptionFailure {
        String boundary = "affectra-" + UUID.randomUUID();
        String fields = field(boundary, "model", model) + field(boundary, "response_format", "verbose_json")
                + field(boundary, "timestamp_granularities[]", "segment")
                + "--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"audio.wav\"\r\n"
                + "Content-Type: audio/wav\r\n\r\n";
        HttpRequest.BodyPublisher body;
        try {
            body = HttpRequest.BodyPublishers.concat(HttpRequest.BodyPublishers.ofString(fields, StandardCharsets.UTF_8),
                    HttpRequest.BodyPublishers.ofFile(wav),
                    HttpRequest.BodyPublishers.ofString("\r\n--" + boundary + "--\r\n", StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw TranscriptionFailure.unreachable("could not be sent the audio (" + e.getMessage() + ")");
        }
        HttpRequest.Builder request = HttpRequest.newBuilder(endpoint).timeout(timeout)
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .header("Accept", "application/json")
                .POST(body);
        apiKey.ifPresent(k -> request.header("Authorization", "Bearer " + k));

        HttpResponse<byte[]> response = exchange(request.build());
        if (response.statusCode() / 100 != 2) {
            throw TranscriptionFailure.status(response.statusCode(),
                    retryAfterMillis(response.headers().firstValue("retry-after").orElse(null)));
        }
        return VerboseJson.read(response.body());
    }

    private HttpResponse<byte[]> exchange(HttpRequest request) throws TranscriptionFailure {
        CompletableFuture<HttpResponse<byte[]>> call = client.sendAsync(request, HttpResponse.BodyHandlers.ofByteArray());
        try {
            return call.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            call.cancel(true);
            throw TranscriptionFailure.timeout(timedOut());
        } catch (InterruptedException e) {
            call.cancel(true);
            Thread.currentThread().interrupt();
            throw TranscriptionFailure.timeout("was given up: the analysis was interrupted");
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof HttpTimeoutException) {
                throw TranscriptionFailure.timeout(timedOut());
            }
            String what = cause instanceof ConnectException ? "connection refused" : String.valueOf(cause.getMessage());
            throw TranscriptionFailure.unreachable("could not be reached (" + what + ")");
        }
    }

    private String timedOut() {
        return "did not answer within " + format(timeout);
    }

    private static String field(String boundary, String name, String value) {
        return "--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + name + "\"\r\n\r\n" + value + "\r\n";
    }

    /** {@code Retry-After} in seconds (the HTTP-date form is ignored, as on the chat surface). */
    static long retryAfterMillis(String header) {
        if (header == null) {
            return 0;
        }
        try {
            double seconds = Double.parseDouble(header.trim());
            return seconds <= 0 ? 0 : (long) Math.ceil(seconds * 1000);
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    static String format(Duration d) {
        long ms = d.toMillis();
        return ms % 1000 == 0 ? ms / 1000 + " s" : String.format(Locale.ROOT, "%d ms", ms);
    }
}

package io.affectra.gateway;

import io.affectra.llm.BackendConfig;
import io.affectra.llm.BackendKind;
import io.affectra.resilience.CircuitBreaker;
import io.affectra.resilience.RetryPolicy;
import io.vertx.core.Context;
import io.vertx.core.MultiMap;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.RequestOptions;
import java.net.URI;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * One OpenAI-compatible backend as the gateway reaches it: its chat-completions URL, its credentials, a pooled
 * non-blocking HTTP client and its fault-tolerance state. Where its OpenAI-compatible API is comes from its kind's
 * {@code BackendFactory} (for Ollama, its {@code /v1}).
 */
public final class Upstream {

    private final String name;
    private final BackendKind kind;
    private final String model;
    private final String host;
    private final int port;
    private final boolean ssl;
    private final String path;
    private final MultiMap headers;
    private final long timeoutMillis;
    private final boolean multimodal;
    private final Optional<String> fallback;
    private final OptionalDouble temperature;
    private final RetryPolicy retry;
    private final CircuitBreaker breaker;
    private final Supplier<HttpClient> clients;
    private final HttpClient shared;
    private final Map<Thread, HttpClient> perEventLoop = new ConcurrentHashMap<>();

    /**
     * @param baseUrl the base of the backend's OpenAI-compatible API
     * @param clients makes the HTTP clients: one per event loop, so that a request's connection lives on the event loop
     *                that serves the request and its callbacks never hop to another thread
     */
    public Upstream(String name, BackendConfig config, String baseUrl, Supplier<HttpClient> clients, CircuitBreaker breaker) {
        this.name = name;
        this.kind = config.kind();
        this.model = config.model().orElseThrow();
        URI uri = chatCompletionsUri(baseUrl);
        this.ssl = "https".equalsIgnoreCase(uri.getScheme());
        this.host = uri.getHost();
        this.port = uri.getPort() > 0 ? uri.getPort() : ssl ? 443 : 80;
        this.path = uri.getRawPath() + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery());
        this.headers = MultiMap.caseInsensitiveMultiMap()
                .add("content-type", "application/json")
                .add("accept", "application/json, text/event-stream");
        // The backend's key, never the client's: clients authenticate to Affectra, Affectra to the backend.
        config.apiKey().filter(k -> !k.isBlank()).ifPresent(k -> headers.add("authorization", "Bearer " + k));
        this.timeoutMillis = config.timeout().toMillis();
        this.multimodal = config.multimodal();
        this.fallback = config.fallback().filter(f -> !f.isBlank());
        this.temperature = config.temperature();
        this.retry = new RetryPolicy(config.maxRetries(), config.retryBackoff(), RetryPolicy.MAX_DELAY);
        this.breaker = breaker;
        this.clients = clients;
        this.shared = clients.get();
    }

    /** {@code <base>/chat/completions}, with doubled and trailing slashes of the base dropped. */
    public static URI chatCompletionsUri(String baseUrl) {
        String base = baseUrl.replaceAll("/+$", "").replaceAll("(?<!:)//+", "/");
        URI uri = URI.create(base + "/chat/completions");
        if (uri.getHost() == null || !("http".equalsIgnoreCase(uri.getScheme()) || "https".equalsIgnoreCase(uri.getScheme()))) {
            throw new IllegalArgumentException("not an http(s) URL: " + base);
        }
        return uri;
    }

    /** Fresh options for one POST (options are mutable, so never shared between requests; the headers are). */
    public RequestOptions requestOptions() {
        return new RequestOptions()
                .setMethod(HttpMethod.POST)
                .setHost(host)
                .setPort(port)
                .setSsl(ssl)
                .setURI(path)
                // Read, never written: the client copies them into each request's own headers.
                .setHeaders(headers)
                // Silence longer than the timeout ends the call: for a plain reply the whole wait, for a stream the
                // wait for the first chunk and between chunks.
                .setIdleTimeout(timeoutMillis);
    }

    public String name() {
        return name;
    }

    public BackendKind kind() {
        return kind;
    }

    /** The backend's configured model name. */
    public String model() {
        return model;
    }

    public long timeoutMillis() {
        return timeoutMillis;
    }

    public boolean multimodal() {
        return multimodal;
    }

    public Optional<String> fallback() {
        return fallback;
    }

    /** The backend's default temperature, used when a request sets none. */
    public OptionalDouble temperature() {
        return temperature;
    }

    public RetryPolicy retry() {
        return retry;
    }

    public CircuitBreaker breaker() {
        return breaker;
    }

    /** The client of the calling event loop (a shared one elsewhere). */
    public HttpClient client() {
        if (!Context.isOnEventLoopThread()) {
            return shared;
        }
        HttpClient client = perEventLoop.get(Thread.currentThread());
        return client != null ? client : perEventLoop.computeIfAbsent(Thread.currentThread(), t -> clients.get());
    }

    /** Closes every client. */
    public void close() {
        shared.close();
        perEventLoop.values().forEach(HttpClient::close);
    }

    /** Where it points, without credentials (for logs). */
    public String target() {
        return (ssl ? "https://" : "http://") + host + ":" + port + path;
    }

    /** Never shows the key. */
    @Override
    public String toString() {
        return "Upstream[" + name + " -> " + target() + ", model=" + model + "]";
    }

    static Duration connectTimeout(Duration timeout) {
        return timeout.compareTo(Duration.ofSeconds(10)) < 0 ? timeout : Duration.ofSeconds(10);
    }
}

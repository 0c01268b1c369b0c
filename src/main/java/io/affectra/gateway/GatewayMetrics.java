package io.affectra.gateway;

import io.affectra.resilience.CircuitBreaker;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import jakarta.inject.Singleton;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * Prometheus metrics of the chat surface, per backend and model id (both bounded by configuration):
 * <ul>
 * <li>{@code affectra_gateway_requests_total{model,backend,stream,outcome}}: outcome {@code ok}, an error code, or
 * {@code cancelled} (the client went away)</li>
 * <li>{@code affectra_gateway_request_seconds}: the whole request, as the client sees it</li>
 * <li>{@code affectra_gateway_backend_seconds}: from the first byte sent to the backend to its last byte</li>
 * <li>{@code affectra_gateway_overhead_seconds{model,stream,media}}: request minus backend time, i.e. what the gateway
 * itself adds (parsing, encoders when there is media, rewriting, relaying)</li>
 * <li>{@code affectra_gateway_ttft_seconds}: request start to the first token written to the client</li>
 * <li>{@code affectra_gateway_tokens_total{model,backend,kind}}: prompt, completion and cue_context tokens</li>
 * <li>{@code affectra_gateway_backend_attempts_total{backend,outcome}}: every call to a backend, retries included</li>
 * <li>{@code affectra_gateway_circuit_open{backend}}: 1 while a backend's circuit breaker refuses calls</li>
 * </ul>
 * Meters are cached per tag combination so that a request costs a few map lookups by record keys.
 */
@Singleton
public class GatewayMetrics {

    private static final Duration[] SLOS = {Duration.ofMillis(1), Duration.ofMillis(5), Duration.ofMillis(25), Duration.ofMillis(100),
            Duration.ofMillis(500), Duration.ofSeconds(2), Duration.ofSeconds(10)};

    private final MeterRegistry registry;
    private final Map<List<String>, Counter> counters = new ConcurrentHashMap<>();
    private final Map<List<String>, Timer> timers = new ConcurrentHashMap<>();

    public GatewayMetrics(MeterRegistry registry, Upstreams upstreams) {
        this.registry = registry;
        for (Upstream u : upstreams.all()) {
            Gauge.builder("affectra.gateway.circuit.open", u.breaker(), b -> b.state() == CircuitBreaker.State.OPEN ? 1 : 0)
                    .description("1 while the backend's circuit breaker refuses calls")
                    .tag("backend", u.name())
                    .register(registry);
        }
    }

    /** The meters of one (model, backend, stream, media) combination, looked up once per request. */
    private record Route(Counter ok, Timer request, Timer backend, Timer overhead) {
    }

    private record RouteKey(String model, String backend, boolean stream, boolean media) {
    }

    private final Map<RouteKey, Route> routes = new ConcurrentHashMap<>();

    // The meters every proxied request touches are found by record keys; the tag lists below are built only when a
    // meter is first registered.
    private record ModelBackend(String model, String backend) {
    }

    private record TokenKey(String model, String backend, String kind) {
    }

    private record AttemptKey(String backend, String outcome) {
    }

    private final Map<ModelBackend, Timer> ttft = new ConcurrentHashMap<>();
    private final Map<TokenKey, Counter> tokens = new ConcurrentHashMap<>();
    private final Map<AttemptKey, Counter> attempts = new ConcurrentHashMap<>();

    /** One finished request. {@code backendNanos} is 0 when no backend was called over HTTP. */
    public void request(String model, String backend, boolean stream, boolean media, String outcome, long totalNanos, long backendNanos) {
        Route route = routes.computeIfAbsent(new RouteKey(model, backend, stream, media), this::route);
        if ("ok".equals(outcome)) {
            route.ok().increment();
        } else {
            counter("affectra.gateway.requests", "model", model, "backend", backend, "stream", Boolean.toString(stream), "outcome", outcome)
                    .increment();
        }
        route.request().record(totalNanos, TimeUnit.NANOSECONDS);
        if (backendNanos > 0) {
            route.backend().record(backendNanos, TimeUnit.NANOSECONDS);
        }
        route.overhead().record(Math.max(0, totalNanos - backendNanos), TimeUnit.NANOSECONDS);
    }

    private Route route(RouteKey k) {
        String s = Boolean.toString(k.stream());
        return new Route(
                counter("affectra.gateway.requests", "model", k.model(), "backend", k.backend(), "stream", s, "outcome", "ok"),
                timer("affectra.gateway.request", "model", k.model(), "backend", k.backend(), "stream", s),
                timer("affectra.gateway.backend", "model", k.model(), "backend", k.backend()),
                timer("affectra.gateway.overhead", "model", k.model(), "stream", s, "media", Boolean.toString(k.media())));
    }

    public void timeToFirstToken(String model, String backend, long nanos) {
        ttft.computeIfAbsent(new ModelBackend(model, backend), k -> timer("affectra.gateway.ttft", "model", k.model(), "backend", k.backend()))
                .record(nanos, TimeUnit.NANOSECONDS);
    }

    public void tokens(String model, String backend, long prompt, long completion, long cueContext) {
        tokens(model, backend, "prompt", prompt);
        tokens(model, backend, "completion", completion);
        tokens(model, backend, "cue_context", cueContext);
    }

    private void tokens(String model, String backend, String kind, long count) {
        if (count > 0) {
            tokens.computeIfAbsent(new TokenKey(model, backend, kind),
                    k -> counter("affectra.gateway.tokens", "model", k.model(), "backend", k.backend(), "kind", k.kind())).increment(count);
        }
    }

    /** One call to a backend: {@code ok}, {@code retried}, or why it failed. */
    public void attempt(String backend, String outcome) {
        attempts.computeIfAbsent(new AttemptKey(backend, outcome),
                k -> counter("affectra.gateway.backend.attempts", "backend", k.backend(), "outcome", k.outcome())).increment();
    }

    /** Time spent reading media and running the encoders for one request. */
    public void encoding(String model, long nanos) {
        timer("affectra.gateway.encode", "model", model).record(nanos, TimeUnit.NANOSECONDS);
    }

    private Counter counter(String name, String... tags) {
        List<String> key = key(name, tags);
        Counter counter = counters.get(key);
        return counter != null ? counter : counters.computeIfAbsent(key, k -> Counter.builder(name).tags(tags).register(registry));
    }

    private Timer timer(String name, String... tags) {
        List<String> key = key(name, tags);
        Timer timer = timers.get(key);
        return timer != null ? timer : timers.computeIfAbsent(key, k -> Timer.builder(name).tags(tags)
                .publishPercentileHistogram()
                .serviceLevelObjectives(SLOS)
                .minimumExpectedValue(Duration.ofNanos(5_000))
                .maximumExpectedValue(Duration.ofMinutes(5))
                .register(registry));
    }

    private static List<String> key(String name, String[] tags) {
        String[] all = new String[tags.length + 1];
        all[0] = name;
        for (int i = 0; i < tags.length; i++) {
            all[i + 1] = tags[i] == null ? "" : tags[i];
            tags[i] = all[i + 1];
        }
        return List.of(all);
    }
}

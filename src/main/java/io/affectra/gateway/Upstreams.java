package io.affectra.gateway;

import io.affectra.llm.BackendConfig;
import io.affectra.llm.BackendKind;
import io.affectra.llm.BackendRegistry;
import io.affectra.resilience.CircuitBreaker;
import io.quarkus.runtime.Startup;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.PoolOptions;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Singleton;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.jboss.logging.Logger;

/**
 * The openai and ollama backends as HTTP upstreams of the gateway, built once at startup: one pooled Vert.x client
 * each (keep-alive, no Nagle delay) and one circuit breaker each. Fallback names are checked here, so that a typo stops
 * the server rather than the first failing request.
 */
@Singleton
@Startup
public class Upstreams {

    private static final Logger LOG = Logger.getLogger(Upstreams.class);

    private final Map<String, Upstream> byName;
    /** Each backend's chain, worked out once: the fallbacks are fixed at startup, and every request needs its chain. */
    private final Map<String, List<Upstream>> chains;

    public Upstreams(Vertx vertx, BackendRegistry backends) {
        Map<String, Upstream> built = new TreeMap<>();
        for (String name : backends.names()) {
            BackendConfig config = backends.config(name);
            // In-process backends (local) have no OpenAI-compatible API to relay to.
            backends.factory(config.kind()).openAiCompatibleBaseUrl(config).ifPresent(baseUrl -> built.put(name,
                    new Upstream(name, config, baseUrl, () -> client(vertx, config),
                            new CircuitBreaker(config.circuitBreakerFailures(), config.circuitBreakerDelay(), System::nanoTime))));
        }
        for (String name : backends.names()) {
            BackendConfig config = backends.config(name);
            config.fallback().filter(f -> !f.isBlank()).ifPresent(fallback -> {
                if (config.kind() == BackendKind.LOCAL) {
                    throw new IllegalStateException("affectra.backends." + name + ".fallback: the local backend has no fallback");
                }
                if (!built.containsKey(fallback)) {
                    throw new IllegalStateException("affectra.backends." + name + ".fallback=" + fallback
                            + " must name an openai or ollama backend; those configured: " + String.join(", ", built.keySet()));
                }
            });
        }
        this.byName = Collections.unmodifiableMap(built);
        Map<String, List<Upstream>> chains = new TreeMap<>();
        built.keySet().forEach(name -> chains.put(name, walk(name)));
        this.chains = Collections.unmodifiableMap(chains);
        built.values().forEach(u -> LOG.debugf("gateway upstream %s", u));
    }

    private static HttpClient client(Vertx vertx, BackendConfig config) {
        HttpClientOptions options = new HttpClientOptions()
                .setKeepAlive(true)
                .setKeepAliveTimeout(30)
                .setTcpNoDelay(true)
                .setForceSni(true)
                .setConnectTimeout((int) Upstream.connectTimeout(config.timeout()).toMillis())
                .setTryUseCompression(false);
        PoolOptions pool = new PoolOptions().setHttp1MaxSize(config.maxConnections());
        return vertx.httpClientBuilder().with(options).with(pool).build();
    }

    /** The backend and its fallbacks in order, each once (a cycle in the fallbacks ends the chain). */
    public List<Upstream> chain(String first) {
        List<Upstream> chain = chains.get(first);
        return chain != null ? chain : List.of();
    }

    private List<Upstream> walk(String first) {
        List<Upstream> chain = new ArrayList<>(2);
        Set<String> seen = new LinkedHashSet<>();
        for (Upstream u = byName.get(first); u != null && seen.add(u.name()); u = u.fallback().map(byName::get).orElse(null)) {
            chain.add(u);
        }
        return List.copyOf(chain);
    }

    public Upstream get(String name) {
        return byName.get(name);
    }

    public Iterable<Upstream> all() {
        return byName.values();
    }

    @PreDestroy
    void close() {
        byName.values().forEach(Upstream::close);
    }
}

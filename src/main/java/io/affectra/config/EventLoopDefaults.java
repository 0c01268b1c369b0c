package io.affectra.config;

import java.util.Map;
import java.util.Set;
import org.eclipse.microprofile.config.spi.ConfigSource;

/**
 * One Vert.x event loop per two cores (at least one) instead of Vert.x's two per core. Affectra's event loops only move
 * bytes (the chat relay, REST I/O); the CPU-heavy work, decoding and the ONNX encoders, runs on worker threads, which
 * need the other cores. At about 65 µs of CPU per proxied completion, one loop on a core of its own relays some
 * 15,000 a second, far more than an LLM backend serves. On the 2-core reference machine it cut the CPU per proxied
 * completion from about 75 to about 65 µs (medians of 8 runs each) and lowered the closed-loop latency tail at 32
 * connections (bench/results/gateway.md). The lowest-priority source: {@code quarkus.vertx.event-loops-pool-size} set anywhere else
 * wins.
 */
public class EventLoopDefaults implements ConfigSource {

    static final String PROPERTY = "quarkus.vertx.event-loops-pool-size";

    private final Map<String, String> values;

    public EventLoopDefaults() {
        this(Runtime.getRuntime().availableProcessors());
    }

    EventLoopDefaults(int cores) {
        this.values = Map.of(PROPERTY, Integer.toString(eventLoops(cores)));
    }

    static int eventLoops(int cores) {
        return Math.max(1, cores / 2);
    }

    @Override
    public Set<String> getPropertyNames() {
        return values.keySet();
    }

    @Override
    public String getValue(String propertyName) {
        return values.get(propertyName);
    }

    @Override
    public String getName() {
        return "affectra-event-loop-defaults";
    }

    /** Below every file, environment and system-property source. */
    @Override
    public int getOrdinal() {
        return 10;
    }
}

package io.affectra.llm;

import io.affectra.config.AffectraConfig;
import io.affectra.llm.local.FusionWeights;
import io.affectra.llm.local.LocalCueFusionBackend;
import io.affectra.llm.local.LocalTaskAnswerer;
import io.quarkus.runtime.Startup;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import org.jboss.logging.Logger;

/**
 * The named backends of {@code affectra.backends.<name>.*}, each built once at startup and reused (the models are
 * thread-safe). A {@code local} backend exists even when not configured, so that the server answers offline out of
 * the box. Startup fails when the default backend names none of them or a backend's settings are incomplete.
 */
@ApplicationScoped
@Startup
public class BackendRegistry {

    public static final String LOCAL = "local";

    private static final Logger LOG = Logger.getLogger(BackendRegistry.class);

    private record Entry(EmotionBackend backend, BackendConfig config) {
    }

    private final Map<String, Entry> entries;
    private final String defaultName;

    @Inject
    public BackendRegistry(AffectraConfig config, Instance<LocalTaskAnswerer> localTasks) {
        this(config.backends(), config.defaultBackend(), localTasks.isResolvable() ? localTasks.get() : null);
    }

    /** Builds the registry from plain settings (tests, tools): the same checks as at startup. */
    public BackendRegistry(Map<String, ? extends BackendConfig> configs, String defaultName) {
        this(configs, defaultName, null);
    }

    /**
     * @param localTasks what local backends do with questions and reasoning steps (null: emotion answers only)
     */
    public BackendRegistry(Map<String, ? extends BackendConfig> configs, String defaultName, LocalTaskAnswerer localTasks) {
        Map<String, BackendConfig> all = new TreeMap<>(configs);
        all.putIfAbsent(LOCAL, BackendSettings.local());
        if (!all.containsKey(defaultName)) {
            throw new IllegalStateException("affectra.default-backend=" + defaultName + " names no configured backend; configured: "
                    + String.join(", ", all.keySet()));
        }
        FusionWeights weights = FusionWeights.load(); // shared by every local backend; there is always one
        Map<String, Entry> built = new TreeMap<>();
        all.forEach((name, config) -> {
            EmotionBackend backend = create(name, config, weights); // validates the settings
            if (backend instanceof LocalCueFusionBackend && localTasks != null) {
                backend = new LocalCueFusionBackend(name, weights, localTasks);
            }
            built.put(name, new Entry(backend, config));
            LOG.infof("backend '%s': %s %s%s", name, config.kind().name().toLowerCase(Locale.ROOT),
                    built.get(name).backend().model(), name.equals(defaultName) ? " (default)" : "");
        });
        this.entries = Collections.unmodifiableMap(built);
        this.defaultName = defaultName;
    }

    /**
     * Builds one backend from its settings without CDI.
     *
     * @param weights the cue-fusion weights for a {@code local} backend (loaded from the classpath when null)
     * @throws IllegalArgumentException when the settings are incomplete (e.g. an openai backend without a model)
     */
    public static EmotionBackend create(String name, BackendConfig config, FusionWeights weights) {
        Objects.requireNonNull(config, "config");
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("a backend needs a name");
        }
        if (config.timeout() == null || config.timeout().isNegative() || config.timeout().isZero()) {
            throw new IllegalArgumentException("affectra.backends." + name + ".timeout must be positive");
        }
        return switch (config.kind()) {
            case LOCAL -> new LocalCueFusionBackend(name, weights == null ? FusionWeights.load() : weights);
            case OPENAI -> new OpenAiBackend(name, config);
            case OLLAMA -> new OllamaBackend(name, config);
        };
    }

    public static EmotionBackend create(String name, BackendConfig config) {
        return create(name, config, null);
    }

    /** @throws UnknownBackendException when no backend has that name */
    public EmotionBackend get(String name) {
        return entry(name).backend();
    }

    /** The settings a backend was built from (e.g. its invalid-answer retries). */
    public BackendConfig config(String name) {
        return entry(name).config();
    }

    public String defaultName() {
        return defaultName;
    }

    public Set<String> names() {
        return entries.keySet();
    }

    /** Every backend, sorted by name; no keys. */
    public List<BackendInfo> list() {
        List<BackendInfo> out = new ArrayList<>();
        entries.forEach((name, e) -> out.add(new BackendInfo(name, e.config().kind(), e.backend().model(), baseUrl(e.config()),
                e.config().timeout(), e.config().structuredOutput(), name.equals(defaultName))));
        return out;
    }

    private Entry entry(String name) {
        Entry entry = name == null ? null : entries.get(name);
        if (entry == null) {
            throw new UnknownBackendException(name, entries.keySet());
        }
        return entry;
    }

    private static String baseUrl(BackendConfig config) {
        return switch (config.kind()) {
            case LOCAL -> null;
            case OPENAI -> config.baseUrl().orElse(OpenAiBackend.DEFAULT_BASE_URL);
            case OLLAMA -> config.baseUrl().orElse(OllamaBackend.DEFAULT_BASE_URL);
        };
    }
}

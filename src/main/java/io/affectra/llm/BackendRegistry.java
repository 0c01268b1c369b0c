package io.affectra.llm;

import io.quarkus.runtime.Startup;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import org.jboss.logging.Logger;

/**
 * The named backends of {@code affectra.backends.<name>.*}, each built once at startup by its kind's
 * {@link BackendFactory} and reused (the models are thread-safe). A {@code local} backend exists even when not
 * configured, so that the server answers offline out of the box. Startup fails when the default backend names none of
 * them or a backend's settings are incomplete.
 */
@ApplicationScoped
@Startup
public class BackendRegistry {

    public static final String LOCAL = "local";

    private static final Logger LOG = Logger.getLogger(BackendRegistry.class);

    private record Entry(EmotionBackend backend, BackendConfig config) {
    }

    private final Map<BackendKind, BackendFactory> factories;
    private final Map<String, Entry> entries;
    private final String defaultName;

    @Inject
    public BackendRegistry(BackendsConfig config, Instance<BackendFactory> factories) {
        this(config.backends(), config.defaultBackend(), factories.stream().toList());
    }

    /** Builds the registry from plain settings (tests, tools): the same checks as at startup. */
    public BackendRegistry(Map<String, ? extends BackendConfig> configs, String defaultName, Collection<? extends BackendFactory> factories) {
        this.factories = byKind(factories);
        Map<String, BackendConfig> all = new TreeMap<>(configs);
        all.putIfAbsent(LOCAL, BackendSettings.local());
        if (!all.containsKey(defaultName)) {
            throw new IllegalStateException("affectra.default-backend=" + defaultName + " names no configured backend; configured: "
                    + String.join(", ", all.keySet()));
        }
        Map<String, Entry> built = new TreeMap<>();
        all.forEach((name, config) -> {
            built.put(name, new Entry(create(name, config), config)); // validates the settings
            LOG.infof("backend '%s': %s %s%s", name, config.kind().name().toLowerCase(Locale.ROOT),
                    built.get(name).backend().model(), name.equals(defaultName) ? " (default)" : "");
        });
        this.entries = Collections.unmodifiableMap(built);
        this.defaultName = defaultName;
    }

    private static Map<BackendKind, BackendFactory> byKind(Collection<? extends BackendFactory> factories) {
        Map<BackendKind, BackendFactory> out = new EnumMap<>(BackendKind.class);
        for (BackendFactory factory : factories) {
            BackendFactory other = out.putIfAbsent(factory.kind(), factory);
            if (other != null) {
                throw new IllegalStateException("two backend factories for kind " + factory.kind() + ": "
                        + other.getClass().getName() + " and " + factory.getClass().getName());
            }
        }
        return out;
    }

    /**
     * Builds one backend from its settings, with the checks of startup, without registering it.
     *
     * @throws IllegalArgumentException when the settings are incomplete (e.g. an openai backend without a model)
     */
    public EmotionBackend create(String name, BackendConfig config) {
        Objects.requireNonNull(config, "config");
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("a backend needs a name");
        }
        if (config.timeout() == null || config.timeout().isNegative() || config.timeout().isZero()) {
            throw new IllegalArgumentException("affectra.backends." + name + ".timeout must be positive");
        }
        return factory(config.kind()).create(name, config);
    }

    /** The factory of a kind, e.g. for the base URL a backend of it talks to. */
    public BackendFactory factory(BackendKind kind) {
        BackendFactory factory = factories.get(kind);
        if (factory == null) {
            throw new IllegalStateException("no backend factory for kind " + kind.name().toLowerCase(Locale.ROOT));
        }
        return factory;
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
        entries.forEach((name, e) -> out.add(new BackendInfo(name, e.config().kind(), e.backend().model(),
                factory(e.config().kind()).baseUrl(e.config()).orElse(null), e.config().timeout(), e.config().structuredOutput(),
                name.equals(defaultName))));
        return out;
    }

    private Entry entry(String name) {
        Entry entry = name == null ? null : entries.get(name);
        if (entry == null) {
            throw new UnknownBackendException(name, entries.keySet());
        }
        return entry;
    }
}

package io.affectra.gateway;

import io.affectra.llm.BackendConfig;
import io.affectra.llm.BackendKind;
import io.affectra.llm.BackendRegistry;
import io.affectra.prompt.PromptRegistry;
import io.affectra.prompt.context.ChatCuePromptContext;
import io.affectra.reasoning.StrategyRegistry;
import io.quarkus.runtime.Startup;
import jakarta.inject.Singleton;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.jboss.logging.Logger;

/**
 * The model ids a client can name on the chat surface. Configured ids ({@code affectra.models."<id>".*}) come first;
 * then, unless {@code affectra.chat.pass-through-models=false}, one pass-through id {@code <backend>/<model>} per
 * openai/ollama backend. A backend's bare model name (e.g. {@code gpt-4o-mini}) also resolves to its pass-through route
 * when no configured id has that name and no other backend serves a model of that name (so an SDK's existing model
 * string keeps working), but it is not listed twice. Everything is checked at startup: a model naming a missing
 * backend, template or strategy stops the server with a message saying which property is wrong.
 */
@Singleton
@Startup
public class ModelCatalog {

    private static final Logger LOG = Logger.getLogger(ModelCatalog.class);

    private final Map<String, ModelRoute> listed;
    private final Map<String, ModelRoute> aliases;
    private final Map<String, ModelConfig> configs;
    private final BackendRegistry backends;
    private final PromptRegistry prompts;
    private final StrategyRegistry strategies;
    private final long created = System.currentTimeMillis() / 1000;

    @Inject
    public ModelCatalog(ModelsConfig models, ChatConfig chat, BackendRegistry backends, PromptRegistry prompts,
            StrategyRegistry strategies) {
        this.configs = Map.copyOf(models.byId());
        this.backends = backends;
        this.prompts = prompts;
        this.strategies = strategies;
        Map<String, ModelRoute> routes = new LinkedHashMap<>();
        new TreeMap<>(configs).forEach((id, model) -> routes.put(id, configured(id, model, model.strategy())));
        Map<String, ModelRoute> passThrough = new TreeMap<>();
        Map<String, List<ModelRoute>> byUpstreamName = new HashMap<>();
        if (chat.passThroughModels()) {
            for (String name : backends.names()) {
                BackendConfig backend = backends.config(name);
                if (backend.kind() == BackendKind.LOCAL) {
                    continue;
                }
                String model = backend.model().orElseThrow();
                String id = name + "/" + model;
                ModelRoute route = new ModelRoute(id, name, backend.kind(), model, ChatMode.CHAT, false, null, null, false, false,
                        "Pass-through to backend '" + name + "' (" + model + "): the conversation goes through unchanged.", true, null);
                if (!routes.containsKey(id)) {
                    passThrough.put(id, route);
                    byUpstreamName.computeIfAbsent(model, k -> new ArrayList<>()).add(route);
                }
            }
        }
        routes.putAll(passThrough);
        Map<String, ModelRoute> alias = new HashMap<>();
        byUpstreamName.forEach((model, candidates) -> {
            if (candidates.size() == 1 && !routes.containsKey(model)) {
                alias.put(model, candidates.get(0));
            }
        });
        this.listed = Collections.unmodifiableMap(routes);
        this.aliases = Map.copyOf(alias);
        LOG.infof("chat models: %s", String.join(", ", routes.keySet()));
    }

    private ModelRoute configured(String id, ModelConfig model, String strategy) {
        String where = "affectra.models.\"" + id + "\"";
        if (id.isBlank()) {
            throw new IllegalStateException("a model id under affectra.models is blank");
        }
        String backendName = model.backend().orElse(backends.defaultName());
        if (!backends.names().contains(backendName)) {
            throw new IllegalStateException(where + ".backend=" + backendName + " names no configured backend; configured: "
                    + String.join(", ", backends.names()));
        }
        BackendConfig backend = backends.config(backendName);
        ChatMode mode = model.mode().orElse(backend.kind() == BackendKind.LOCAL ? ChatMode.ANSWER : ChatMode.CHAT);
        if (mode == ChatMode.CHAT && backend.kind() == BackendKind.LOCAL) {
            throw new IllegalStateException(where + ".mode=chat needs an openai or ollama backend; '" + backendName
                    + "' is the local reasoner, which only answers (mode=answer)");
        }
        // An answer strategy that wants facial priors (EMO-LLaMA) gets them, as on /v1/emotion/analyze.
        boolean priors = model.facialPriors() || (mode == ChatMode.ANSWER && strategies.get(strategy).wantsFacialPriors());
        // A strategy that reasons without faces (DEEMO) is de-identified on every surface, as on /v1/emotion/analyze.
        boolean deidentify = model.deidentify() || strategies.get(strategy).requiresDeidentified();
        if (model.cues() && mode == ChatMode.CHAT) {
            prompts.get(model.prompt(), ChatCuePromptContext.class);
        }
        String upstream = model.upstreamModel()
                .or(backend::model)
                .orElseGet(() -> backends.get(backendName).model());
        String description = model.description().orElse(String.format(Locale.ROOT, "%s on backend '%s'%s",
                mode == ChatMode.ANSWER ? "Emotion answer (strategy " + strategy + ")" : "Chat with measured cues",
                backendName, priors ? ", facial priors" : ""));
        return new ModelRoute(id, backendName, backend.kind(), upstream, mode, model.cues(), model.prompt(), strategy,
                priors, deidentify, description, false, null);
    }

    /**
     * A configured answer-mode route with another strategy (a request's choice): facial priors and de-identification
     * follow that strategy as they would have followed the configured one, so the evidence is the strategy's own.
     *
     * @throws io.affectra.reasoning.UnknownStrategyException when {@code strategy} names none
     */
    public ModelRoute withStrategy(ModelRoute route, String strategy) {
        ModelConfig model = configs.get(route.id());
        if (model == null || route.passThrough() || route.mode() != ChatMode.ANSWER) {
            throw new IllegalArgumentException("model " + route.id() + " is no configured answer-mode model");
        }
        return configured(route.id(), model, strategy).withPrompts(route.prompts());
    }

    /** The route of a model id (configured, pass-through or bare backend model name). */
    public Optional<ModelRoute> resolve(String id) {
        if (id == null) {
            return Optional.empty();
        }
        ModelRoute route = listed.get(id);
        return Optional.ofNullable(route != null ? route : aliases.get(id));
    }

    /** Every listed id, configured ones first. */
    public List<ModelRoute> list() {
        return List.copyOf(listed.values());
    }

    /** When the catalogue was built (the {@code created} of every model). */
    public long created() {
        return created;
    }
}

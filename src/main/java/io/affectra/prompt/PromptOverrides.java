package io.affectra.prompt;

import java.util.Map;
import java.util.Optional;

/**
 * Templates rendered in place of the shipped ones, checked against their contexts when made
 * ({@link PromptRegistry#overrides}): keyed by template id ({@code pep/answer}), or by task ({@code emotion}, standing
 * for every template of the task). An id beats its task. How an experiment's variant reaches a strategy's steps
 * without the strategy knowing.
 */
public final class PromptOverrides {

    public static final PromptOverrides NONE = new PromptOverrides(Map.of());

    private final Map<String, PromptRegistry.Compiled> byKey;

    PromptOverrides(Map<String, PromptRegistry.Compiled> byKey) {
        this.byKey = Map.copyOf(byKey);
    }

    PromptRegistry.Compiled replacing(String id, PromptRegistry.Compiled shipped) {
        PromptRegistry.Compiled override = find(id);
        return override != null ? override : shipped;
    }

    /** The template rendered in place of template {@code id}, if one replaces it. */
    public Optional<PromptTemplate> replacementOf(String id) {
        return Optional.ofNullable(find(id)).map(PromptRegistry.Compiled::template);
    }

    private PromptRegistry.Compiled find(String id) {
        if (byKey.isEmpty()) {
            return null;
        }
        PromptRegistry.Compiled byId = byKey.get(id);
        if (byId != null) {
            return byId;
        }
        int slash = id.indexOf('/');
        return slash < 0 ? null : byKey.get(id.substring(0, slash));
    }

    /** The templates by the key they replace. */
    public Map<String, PromptTemplate> templates() {
        java.util.Map<String, PromptTemplate> out = new java.util.LinkedHashMap<>();
        byKey.forEach((k, c) -> out.put(k, c.template()));
        return out;
    }

    public boolean isEmpty() {
        return byKey.isEmpty();
    }
}

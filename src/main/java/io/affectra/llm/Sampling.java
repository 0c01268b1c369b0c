package io.affectra.llm;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Per-request sampling parameters that override a backend's configured ones; a null field leaves the backend's own.
 * The offline reasoner is deterministic and ignores them.
 *
 * @param temperature 0 to 2
 * @param seed        for backends that honour one (OpenAI, vLLM, Ollama)
 * @param maxTokens   the most completion tokens
 */
public record Sampling(Double temperature, Long seed, Integer maxTokens) {

    public static final Sampling DEFAULT = new Sampling(null, null, null);

    public Sampling {
        if (temperature != null && (temperature.isNaN() || temperature < 0 || temperature > 2)) {
            throw new IllegalArgumentException("temperature must be from 0 to 2, not " + temperature);
        }
        if (maxTokens != null && maxTokens < 1) {
            throw new IllegalArgumentException("max_tokens must be at least 1, not " + maxTokens);
        }
    }

    /** Whether repeated calls may answer differently: a temperature above 0 without a seed. */
    public boolean random() {
        return temperature != null && temperature > 0 && seed == null;
    }

    /** The set fields under their API names, in a fixed order (for cache keys and records). */
    public Map<String, Object> asMap() {
        Map<String, Object> out = new LinkedHashMap<>();
        if (temperature != null) {
            out.put("temperature", temperature);
        }
        if (seed != null) {
            out.put("seed", seed);
        }
        if (maxTokens != null) {
            out.put("max_tokens", maxTokens);
        }
        return out;
    }
}

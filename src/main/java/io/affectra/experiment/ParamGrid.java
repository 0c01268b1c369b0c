package io.affectra.experiment;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.affectra.llm.Sampling;
import java.util.ArrayList;
import java.util.List;

/**
 * The sampling parameters to cross: every combination of the listed values is its own cell. An empty or missing list
 * leaves that parameter to the backend.
 */
public record ParamGrid(List<Double> temperature, List<Long> seed, @JsonProperty("max_tokens") List<Integer> maxTokens) {

    public static final ParamGrid NONE = new ParamGrid(null, null, null);

    public ParamGrid {
        temperature = temperature == null ? List.of() : List.copyOf(temperature);
        seed = seed == null ? List.of() : List.copyOf(seed);
        maxTokens = maxTokens == null ? List.of() : List.copyOf(maxTokens);
    }

    /** Every combination, temperature slowest; one default combination when nothing is listed. */
    public List<Sampling> combinations() {
        List<Sampling> out = new ArrayList<>();
        for (Double t : orNull(temperature)) {
            for (Long s : orNull(seed)) {
                for (Integer m : orNull(maxTokens)) {
                    out.add(new Sampling(t, s, m));
                }
            }
        }
        return out;
    }

    private static <T> List<T> orNull(List<T> values) {
        List<T> out = new ArrayList<>(values);
        if (out.isEmpty()) {
            out.add(null);
        }
        return out;
    }
}

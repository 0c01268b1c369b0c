package io.affectra.experiment;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.affectra.analysis.InvalidRequestException;

/**
 * Reads an experiment spec from JSON or YAML (JSON is YAML, so one reader takes both). An unknown field is refused by
 * name: a misspelt {@code ablation} must not silently run an experiment without its ablations.
 */
public final class SpecReader {

    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory()).findAndRegisterModules()
            .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, true)
            .configure(DeserializationFeature.ACCEPT_SINGLE_VALUE_AS_ARRAY, true);
    private static final ObjectMapper JSON = new ObjectMapper().findAndRegisterModules()
            .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, true);

    private SpecReader() {
    }

    /** @throws InvalidRequestException {@code invalid-experiment} naming the line and what is wrong */
    public static ExperimentSpec read(String text) {
        if (text == null || text.isBlank()) {
            throw new InvalidRequestException("invalid-experiment", "The experiment spec is empty: send it as JSON or YAML.");
        }
        try {
            ExperimentSpec spec = YAML.readValue(text, ExperimentSpec.class);
            if (spec == null) {
                throw new InvalidRequestException("invalid-experiment", "The experiment spec is empty: send it as JSON or YAML.");
            }
            return spec;
        } catch (UnrecognizedPropertyException e) {
            throw new InvalidRequestException("invalid-experiment", "Unknown field '" + e.getPropertyName() + "' in the experiment spec"
                    + " (at " + e.getPathReference().replace("io.affectra.experiment.", "") + "); known fields: " + e.getKnownPropertyIds() + ".");
        } catch (JsonProcessingException e) {
            throw new InvalidRequestException("invalid-experiment", "The experiment spec is not valid JSON or YAML" + at(e) + ": "
                    + e.getOriginalMessage());
        }
    }

    /** The spec as stored: compact JSON. */
    public static String write(ExperimentSpec spec) {
        try {
            return JSON.writeValueAsString(spec);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("spec not serialisable", e);
        }
    }

    private static String at(JsonProcessingException e) {
        return e.getLocation() == null ? "" : " (line " + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr() + ")";
    }
}

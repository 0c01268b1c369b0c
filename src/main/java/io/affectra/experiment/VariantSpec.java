package io.affectra.experiment;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.Map;

/**
 * A prompt variant as a spec declares it: a shipped template by reference ({@code emotion/direct@1}, the version
 * optional), or an inline one ({@code {id, extends, system, user}}) whose missing sections come from the template it
 * extends. {@code steps} overrides a multi-step strategy's step templates ({@code pep-mek/final}), each by reference or
 * inline.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record VariantSpec(String ref, String id, String extendsId, String system, String user, Map<String, VariantSpec> steps) {

    /** A shipped template by reference. */
    @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
    public static VariantSpec of(String ref) {
        return new VariantSpec(ref, null, null, null, null, null);
    }

    @JsonCreator(mode = JsonCreator.Mode.PROPERTIES)
    public static VariantSpec inline(@JsonProperty("ref") String ref,
            @JsonProperty("id") String id,
            @JsonProperty("extends") String extendsId,
            @JsonProperty("system") String system,
            @JsonProperty("user") String user,
            @JsonProperty("steps") Map<String, VariantSpec> steps) {
        return new VariantSpec(ref, id, extendsId, system, user, steps);
    }

    @JsonProperty("extends")
    public String extendsId() {
        return extendsId;
    }
}

package io.affectra.prompt;

import java.util.List;

/**
 * A versioned prompt template from {@code prompts/<task>/<variant>.md}: front matter (id, version,
 * variables, output) and a body with {@code [system]} and {@code [user]} sections in Qute syntax.
 *
 * @param variables what the sections use; each is a component of the template's {@link PromptContext}
 * @param hash      sha256 of the file's bytes: a run records exactly which text it used
 */
public record PromptTemplate(
        String id,
        int version,
        String description,
        List<String> variables,
        String output,
        String system,
        String user,
        String hash) {

    /** {@code task/variant@version}, how runs and experiments refer to a template. */
    public String ref() {
        return id + "@" + version;
    }
}

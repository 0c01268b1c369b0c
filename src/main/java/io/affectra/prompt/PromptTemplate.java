package io.affectra.prompt;

import java.util.List;

/**
 * A versioned prompt template from {@code prompts/<task>/<variant>.md}: front matter (id, version, description,
 * variables, output, labels) and a body with {@code [system]} and {@code [user]} sections in Qute syntax.
 *
 * @param variables what the sections use; each is a component of the template's {@link PromptContext}
 * @param labels    free tags for comparing templates ({@code baseline}); none unless the front matter lists some
 * @param hash      sha256 of the file's bytes: a run records exactly which text it used
 * @param text      the file as written, the text {@code hash} digests
 */
public record PromptTemplate(
        String id,
        int version,
        String description,
        List<String> variables,
        String output,
        List<String> labels,
        String system,
        String user,
        String hash,
        String text) {

    /** {@code task/variant@version}, how runs and experiments refer to a template. */
    public String ref() {
        return id + "@" + version;
    }

    /** The part of the id before the slash: {@code emotion} for {@code emotion/direct}. */
    public String task() {
        return id.substring(0, id.indexOf('/'));
    }
}

package io.affectra.experiment;

import io.affectra.prompt.PromptOverrides;
import io.affectra.prompt.PromptTemplate;
import java.util.Map;

/**
 * A variant ready to run: its name in cells ({@code emotion/direct@1}, or an inline one's id), the sha256 that
 * identifies its text (a shipped template's file hash, or a digest of every template it puts in place), the templates
 * by the key they replace, and the checked overrides.
 *
 * @param shipped true for the shipped templates as they are (no variant declared)
 */
public record ResolvedVariant(String name, String sha256, Map<String, PromptTemplate> templates, PromptOverrides overrides, boolean shipped) {
}

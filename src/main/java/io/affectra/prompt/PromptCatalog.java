package io.affectra.prompt;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;

/** The shipped templates as clients browse and compare them: listed, looked up by id and version, diffed. */
@ApplicationScoped
public class PromptCatalog {

    /** Two templates side by side; {@code diff} is empty when their files are identical. */
    public record Comparison(PromptTemplate a, PromptTemplate b, boolean identical, String diff) {
    }

    private final PromptRegistry registry;

    public PromptCatalog(PromptRegistry registry) {
        this.registry = registry;
    }

    /** Every template sorted by id, or those of one task ({@code emotion}) when {@code task} is given. */
    public List<PromptTemplate> list(String task) {
        return registry.ids().stream().map(registry::get).filter(t -> task == null || t.task().equals(task)).toList();
    }

    /** The template {@code task/variant}; when {@code version} is given, only if it is the shipped version. */
    public PromptTemplate get(String id, Integer version) {
        // Checked against the ids first: the registry treats an unknown id as a deployment fault, a client may just ask.
        if (!registry.ids().contains(id)) {
            throw new PromptNotFoundException("No prompt template " + id + "; GET /v1/prompts lists them.");
        }
        PromptTemplate template = registry.get(id);
        if (version != null && version != template.version()) {
            throw new PromptNotFoundException("Prompt template " + id + " is at version " + template.version() + ", not " + version + ".");
        }
        return template;
    }

    /** A unified diff of two templates' files, from {@code a} to {@code b}. */
    public Comparison compare(String a, String b) {
        PromptTemplate from = get(a, null);
        PromptTemplate to = get(b, null);
        String diff = UnifiedDiff.of(file(from), file(to), from.text(), to.text());
        return new Comparison(from, to, from.hash().equals(to.hash()), diff);
    }

    private static String file(PromptTemplate template) {
        return PromptFiles.ROOT + "/" + template.id() + ".md";
    }
}

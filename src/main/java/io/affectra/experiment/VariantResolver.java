package io.affectra.experiment;

import io.affectra.analysis.InvalidRequestException;
import io.affectra.media.Sha256;
import io.affectra.prompt.PromptCatalog;
import io.affectra.prompt.PromptException;
import io.affectra.prompt.PromptNotFoundException;
import io.affectra.prompt.PromptOverrides;
import io.affectra.prompt.PromptRegistry;
import io.affectra.prompt.PromptTemplate;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * Turns declared variants into templates to render in place of the shipped ones. A variant's main template replaces
 * every template of its task ({@code emotion/...} in the single-pass strategies, {@code question/...} for closed
 * questions); its {@code steps} replace single step templates ({@code pep-mek/final}). Everything is checked against
 * the contexts the replaced templates render with before any trial runs.
 */
@ApplicationScoped
public class VariantResolver {

    private final PromptCatalog catalog;
    private final PromptRegistry registry;

    public VariantResolver(PromptCatalog catalog, PromptRegistry registry) {
        this.catalog = catalog;
        this.registry = registry;
    }

    /** The shipped templates as they are: the variant of a spec that declares none. */
    public static ResolvedVariant shipped() {
        return new ResolvedVariant("shipped", null, Map.of(), PromptOverrides.NONE, true);
    }

    public ResolvedVariant resolve(VariantSpec spec) {
        Map<String, PromptTemplate> byKey = new LinkedHashMap<>();
        Map<String, String> bases = new LinkedHashMap<>();
        String name;
        try {
            if (spec.ref() != null || spec.id() != null || spec.system() != null || spec.user() != null) {
                PromptTemplate main = template(spec, null, bases);
                byKey.put(main.task(), main);
                name = spec.ref() != null ? main.ref() : main.id();
            } else if (spec.steps() != null && !spec.steps().isEmpty()) {
                name = null;
            } else {
                throw invalid("a variant needs a template ('emotion/direct@1'), an inline {id, extends, system, user} or steps");
            }
            if (spec.steps() != null) {
                spec.steps().forEach((step, stepSpec) -> byKey.put(step, template(stepSpec, step, bases)));
            }
            if (name == null) {
                name = "steps:" + String.join(",", byKey.keySet());
            }
            String sha = byKey.size() == 1 && spec.steps() == null ? byKey.values().iterator().next().hash()
                    : Sha256.of(new TreeMap<>(byKey).entrySet().stream().map(e -> e.getKey() + "=" + e.getValue().hash()).collect(Collectors.joining("\n")));
            return new ResolvedVariant(name, sha, Map.copyOf(byKey), registry.overrides(byKey, bases), false);
        } catch (PromptNotFoundException e) {
            throw invalid(e.getMessage());
        } catch (PromptException e) {
            throw invalid("variant " + describe(spec) + ": " + e.getMessage());
        }
    }

    /** @param step the step template a step override replaces (its default base), or null for the main template */
    private PromptTemplate template(VariantSpec spec, String step, Map<String, String> bases) {
        if (spec.ref() != null) {
            return shippedRef(spec.ref());
        }
        String base = spec.extendsId() != null ? stripVersion(spec.extendsId()) : step;
        if (base == null) {
            throw invalid("inline variant '" + spec.id() + "' needs 'extends': the shipped template it derives from (e.g. emotion/direct)");
        }
        if (spec.extendsId() != null) {
            shippedRef(spec.extendsId());
        }
        String id = spec.id() != null ? spec.id() : base + "+inline";
        if (!id.matches("[a-z0-9-]+/[a-z0-9.+-]+")) {
            throw invalid("inline variant id '" + id + "' must look like task/name, e.g. emotion/warm");
        }
        PromptTemplate t = registry.inline(id, base, spec.system(), spec.user());
        bases.put(t.id(), base);
        return t;
    }

    private PromptTemplate shippedRef(String ref) {
        int at = ref.indexOf('@');
        String id = at < 0 ? ref : ref.substring(0, at);
        Integer version = null;
        if (at >= 0) {
            try {
                version = Integer.parseInt(ref.substring(at + 1));
            } catch (NumberFormatException e) {
                throw invalid("'" + ref + "' is not a template reference: task/name or task/name@version");
            }
        }
        return catalog.get(id, version);
    }

    private static String stripVersion(String ref) {
        int at = ref.indexOf('@');
        return at < 0 ? ref : ref.substring(0, at);
    }

    private static String describe(VariantSpec spec) {
        return spec.ref() != null ? spec.ref() : spec.id() != null ? spec.id() : "(inline)";
    }

    private static InvalidRequestException invalid(String message) {
        return new InvalidRequestException("invalid-experiment", message);
    }
}

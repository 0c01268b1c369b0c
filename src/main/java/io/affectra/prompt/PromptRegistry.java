package io.affectra.prompt;

import io.quarkus.qute.Engine;
import io.quarkus.qute.Template;
import io.quarkus.qute.TemplateException;
import io.quarkus.runtime.Startup;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/**
 * Every template in {@code prompts/}, parsed and checked against its context at startup (a template that names a
 * variable its context does not provide fails the boot, naming the file and the variable), and rendered with Qute.
 */
@Startup
@ApplicationScoped
public class PromptRegistry {

    record Compiled(PromptTemplate template, Class<? extends PromptContext> context, Template system, Template user) {
    }

    private final Engine engine;
    private final Map<String, Compiled> templates;

    @Inject
    public PromptRegistry(Engine engine) {
        this(engine, PromptFiles.onClasspath());
    }

    /** @param files every file of a {@code prompts/} folder by its path inside it */
    PromptRegistry(Engine engine, Map<String, byte[]> files) {
        this.engine = engine;
        this.templates = compile(engine, files);
    }

    /** The template {@code task/variant}, e.g. {@code emotion/direct}. */
    public PromptTemplate get(String id) {
        return compiled(id).template();
    }

    /**
     * The template {@code task/variant}, checked to render with {@code context}: for a template named in configuration,
     * so that a wrong one fails at startup rather than on every request.
     */
    public PromptTemplate get(String id, Class<? extends PromptContext> context) {
        Compiled c = compiled(id);
        if (!c.context().equals(context)) {
            throw new PromptException(mismatch(c, context));
        }
        return c.template();
    }

    /** Every template id, sorted. */
    public Set<String> ids() {
        return templates.keySet();
    }

    public RenderedPrompt render(String id, PromptContext context) {
        return render(id, context, PromptOverrides.NONE);
    }

    /** Renders {@code id}, or the template {@code overrides} put in its place. */
    public RenderedPrompt render(String id, PromptContext context, PromptOverrides overrides) {
        Compiled c = overrides.replacing(id, compiled(id));
        if (!c.context().isInstance(context)) {
            throw new PromptException(mismatch(c, context.getClass()));
        }
        return new RenderedPrompt(PromptRef.of(c.template()),
                c.system().data(context).render().strip(),
                c.user().data(context).render().strip());
    }

    /**
     * A template written outside {@code prompts/} (an experiment's inline variant): {@code system} and {@code user}
     * default to those of {@code base}, the template it extends, and it renders with the context of {@code base}. Its
     * version is 0 and its hash digests its sections, so the same text always has the same hash.
     *
     * @throws PromptException naming what is wrong (an unknown base, a variable the context does not provide)
     */
    public PromptTemplate inline(String id, String base, String system, String user) {
        Compiled parent = compiled(base);
        String sys = system == null ? parent.template().system() : system;
        String usr = user == null ? parent.template().user() : user;
        String text = "extends: " + base + "\n[system]\n" + sys + "\n[user]\n" + usr;
        return new PromptTemplate(id, 0, "inline, extends " + parent.template().ref(), PromptContexts.variables(parent.context()),
                parent.template().output(), List.of("inline"), sys, usr, io.affectra.media.Sha256.of(text), text);
    }

    /**
     * Templates to render in place of others, checked now: each key is a template id ({@code pep/answer}) or a task
     * ({@code emotion}: every template of that task), and its template must render with the key's context.
     *
     * @param bases for inline templates, the template each extends (its context); shipped templates need no entry
     */
    public PromptOverrides overrides(Map<String, PromptTemplate> byKey, Map<String, String> bases) {
        Map<String, Compiled> out = new LinkedHashMap<>();
        List<String> problems = new ArrayList<>();
        byKey.forEach((key, template) -> {
            Optional<Class<? extends PromptContext>> wanted = PromptContexts.of(key);
            if (wanted.isEmpty()) {
                problems.add("'" + key + "' is neither a template id nor a task with a bound context");
                return;
            }
            Compiled c = templates.containsKey(template.id()) && templates.get(template.id()).template().hash().equals(template.hash())
                    ? templates.get(template.id()) : compileInline(template, compiled(bases.get(template.id())).context(), problems);
            if (c == null) {
                return;
            }
            if (!c.context().equals(wanted.get())) {
                problems.add(template.ref() + " renders with " + PromptContexts.name(c.context()) + "; '" + key + "' needs "
                        + PromptContexts.name(wanted.get()));
                return;
            }
            out.put(key, c);
        });
        if (!problems.isEmpty()) {
            throw new PromptException(String.join("; ", problems));
        }
        return new PromptOverrides(out);
    }

    private Compiled compileInline(PromptTemplate t, Class<? extends PromptContext> context, List<String> problems) {
        try {
            Map<String, Template> sections = new LinkedHashMap<>();
            sections.put("system", engine.parse(t.system()));
            sections.put("user", engine.parse(t.user()));
            List<String> found = PromptValidator.problems("inline " + t.id(), t, sections, Optional.of(context));
            if (!found.isEmpty()) {
                problems.addAll(found);
                return null;
            }
            return new Compiled(t, context, sections.get("system"), sections.get("user"));
        } catch (TemplateException e) {
            problems.add("inline " + t.id() + ": " + e.getMessage());
            return null;
        }
    }

    private static String mismatch(Compiled c, Class<?> context) {
        return c.template().ref() + " renders with " + PromptContexts.name(c.context()) + ", not " + PromptContexts.name(context);
    }

    private Compiled compiled(String id) {
        if (id == null || !id.matches("[a-z0-9-]+/[a-z0-9.-]+")) {
            throw new PromptException("not a template id: " + id);
        }
        Compiled c = templates.get(id);
        if (c == null) {
            throw new PromptException("no template " + PromptFiles.ROOT + "/" + id + ".md");
        }
        return c;
    }

    /** Parses and checks every file; all problems are reported together. */
    private static Map<String, Compiled> compile(Engine engine, Map<String, byte[]> files) {
        Map<String, Compiled> compiled = new TreeMap<>();
        List<String> problems = new ArrayList<>();
        files.forEach((path, bytes) -> {
            String file = PromptFiles.ROOT + "/" + path;
            if (!path.matches("[a-z0-9-]+/[a-z0-9.-]+\\.md")) {
                problems.add(file + ": not a template (templates are " + PromptFiles.ROOT + "/<task>/<variant>.md)");
                return;
            }
            try {
                PromptTemplate t = PromptTemplateParser.parse(file, bytes);
                String id = path.substring(0, path.length() - ".md".length());
                if (!t.id().equals(id)) {
                    problems.add(file + ": declares id " + t.id() + "; its path makes it " + id);
                    return;
                }
                Map<String, Template> sections = new LinkedHashMap<>();
                sections.put("system", engine.parse(t.system()));
                sections.put("user", engine.parse(t.user()));
                List<String> found = PromptValidator.problems(file, t, sections);
                if (found.isEmpty()) {
                    compiled.put(id, new Compiled(t, PromptContexts.of(id).orElseThrow(), sections.get("system"), sections.get("user")));
                }
                problems.addAll(found);
            } catch (PromptException e) {
                problems.add(e.getMessage());
            } catch (TemplateException e) {
                problems.add(file + ": " + e.getMessage());
            }
        });
        if (!problems.isEmpty()) {
            throw new PromptException("invalid templates in " + PromptFiles.ROOT + "/:\n  " + String.join("\n  ", problems));
        }
        return compiled;
    }
}

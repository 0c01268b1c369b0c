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
import java.util.Set;
import java.util.TreeMap;

/**
 * Every template in {@code prompts/}, parsed and checked against its context at startup (a template that names a
 * variable its context does not provide fails the boot, naming the file and the variable), and rendered with Qute.
 */
@Startup
@ApplicationScoped
public class PromptRegistry {

    private record Compiled(PromptTemplate template, Class<? extends PromptContext> context, Template system, Template user) {
    }

    private final Map<String, Compiled> templates;

    @Inject
    public PromptRegistry(Engine engine) {
        this(engine, PromptFiles.onClasspath());
    }

    /** @param files every file of a {@code prompts/} folder by its path inside it */
    PromptRegistry(Engine engine, Map<String, byte[]> files) {
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
        Compiled c = compiled(id);
        if (!c.context().isInstance(context)) {
            throw new PromptException(mismatch(c, context.getClass()));
        }
        return new RenderedPrompt(PromptRef.of(c.template()),
                c.system().data(context).render().strip(),
                c.user().data(context).render().strip());
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

package io.affectra.prompt;

import io.quarkus.qute.Expression;
import io.quarkus.qute.Template;
import io.quarkus.qute.TemplateNode;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Checks one template against the context it renders with: every expression names a variable its front matter declares,
 * and every declared variable is a component of the context. Templates only name variables ({@code {cues}}) and branch
 * on them ({@code {#if transcript}}); contexts hold rendered text, so properties, namespaces, loops and includes would
 * reach past what the check can see and are refused too.
 */
final class PromptValidator {

    private PromptValidator() {
    }

    /**
     * @param file     where the template came from ({@code prompts/emotion/direct.md}), for the messages
     * @param sections the parsed {@code [system]} and {@code [user]} sections, by name
     * @return what is wrong, one message per problem naming the file and the variable; empty when the template is sound
     */
    static List<String> problems(String file, PromptTemplate template, Map<String, Template> sections) {
        return problems(file, template, sections, PromptContexts.of(template.id()));
    }

    /** As above, with the context given: an experiment's inline template renders with the context of what it replaces. */
    static List<String> problems(String file, PromptTemplate template, Map<String, Template> sections, Optional<Class<? extends PromptContext>> context) {
        Set<String> problems = new LinkedHashSet<>();
        if (context.isEmpty()) {
            problems.add(file + ": no prompt context is bound to '" + template.id() + "' or to its task (see PromptContexts)");
        } else {
            List<String> provided = PromptContexts.variables(context.get());
            for (String declared : template.variables()) {
                if (!provided.contains(declared)) {
                    problems.add(file + ": declares the variable '" + declared + "', which " + PromptContexts.name(context.get())
                            + " does not provide (it provides " + String.join(", ", provided) + ")");
                }
            }
        }
        sections.forEach((name, section) -> {
            for (TemplateNode node : section.findNodes(TemplateNode::isSection)) {
                String helper = node.asSection().getName();
                if (!helper.equals("if")) {
                    problems.add(file + " [" + name + "]: uses {#" + helper + "}; prompt templates branch with {#if} only");
                }
            }
            for (Expression expression : section.getExpressions()) {
                problems.addAll(check(file + " [" + name + "]", expression, template.variables()));
            }
        });
        return new ArrayList<>(problems);
    }

    private static List<String> check(String where, Expression expression, List<String> declared) {
        if (expression.isLiteral()) {
            return List.of();
        }
        String text = "{" + expression.toOriginalString() + "}";
        if (expression.hasNamespace()) {
            return List.of(where + ": " + text + " reads the namespace '" + expression.getNamespace() + "'; a template reads its variables only");
        }
        String variable = expression.getParts().get(0).getName();
        if (!declared.contains(variable)) {
            return List.of(where + ": uses the variable '" + variable + "', which its front matter does not declare (variables: "
                    + String.join(", ", declared) + ")");
        }
        if (expression.getParts().size() > 1) {
            return List.of(where + ": " + text + " reads into the variable '" + variable + "'; variables are rendered as they are");
        }
        return List.of();
    }
}

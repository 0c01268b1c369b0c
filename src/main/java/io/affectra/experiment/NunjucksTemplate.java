package io.affectra.experiment;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A promptfoo prompt's nunjucks text as a Qute section: {@code {{ cues }}} becomes {@code {cues}} when the name is one
 * of the variables the template renders with, and every other brace is escaped so that Qute prints it as written.
 * Filters, tags, comments and unknown names have no faithful translation; they are reported, not guessed at.
 */
final class NunjucksTemplate {

    /** The Qute text, or null when {@code problems} is not empty. */
    record Translation(String qute, List<String> problems) {
    }

    private static final Pattern OUTPUT = Pattern.compile("\\{\\{(.*?)}}", Pattern.DOTALL);
    private static final Pattern NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");

    private NunjucksTemplate() {
    }

    static Translation translate(String text, Set<String> variables) {
        List<String> problems = new ArrayList<>();
        if (text.contains("{%") || text.contains("{#")) {
            problems.add("it uses nunjucks tags or comments ({% ... %}, {# ... #}), which are not translated");
        }
        StringBuilder out = new StringBuilder();
        Matcher m = OUTPUT.matcher(text);
        int at = 0;
        while (m.find()) {
            out.append(escape(text.substring(at, m.start())));
            String expression = m.group(1).strip();
            if (!NAME.matcher(expression).matches()) {
                problems.add("it uses the expression {{ " + expression + " }} (filters, fields and calls are not translated)");
            } else if (!variables.contains(expression)) {
                problems.add("it uses {{" + expression + "}}, which is no variable of the template it would replace (those are "
                        + String.join(", ", variables) + ")");
            } else {
                out.append('{').append(expression).append('}');
            }
            at = m.end();
        }
        out.append(escape(text.substring(at)));
        return problems.isEmpty() ? new Translation(out.toString(), List.of()) : new Translation(null, List.copyOf(problems));
    }

    /** Qute reads a brace as the start or end of an expression unless it is escaped with a backslash. */
    private static String escape(String literal) {
        return literal.replace("{", "\\{").replace("}", "\\}");
    }
}

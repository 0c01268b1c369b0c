package io.affectra.docs;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Every problem type the server can answer with is in the README's error table: the slugs are read from the code
 * (the places that name one), so a new one cannot ship undocumented.
 */
class ProblemTypesDocumentedTest {

    private static final String SLUG = "\"([a-z]+(?:-[a-z]+)+)\"";
    /** Where the code names a problem type: constructors of typed failures, problem bodies, and the code() of failures. */
    private static final Pattern NAMED = Pattern.compile(
            "(?:new (?:MediaException|InvalidRequestException|NotFoundProblem)\\(|Problems\\.(?:response|body)\\(|fail\\(id, )" + SLUG);
    /** In failures' code() and the two filters' choices; single words too there ("unauthorized"). */
    private static final Pattern RETURNED = Pattern.compile("(?:return|->|\\?|:) \"([a-z]+(?:-[a-z]+)*)\"");

    @Test
    void everyProblemTypeIsInTheErrorTable() throws IOException {
        String readme = Files.readString(Path.of("README.md"));
        Set<String> slugs = new TreeSet<>();
        try (Stream<Path> files = Files.walk(Path.of("src/main/java"))) {
            for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
                String source = Files.readString(file);
                collect(NAMED.matcher(source), slugs);
                if (source.contains("implements ReportedError") || file.endsWith("ProblemMappers.java") || file.endsWith("ApiKeyFilter.java")) {
                    collect(RETURNED.matcher(source), slugs);
                }
            }
        }
        assertThat(slugs).as("problem types found in the code").contains("media-too-large", "backend-timeout", "malformed-multipart", "unauthorized");
        Set<String> missing = new TreeSet<>();
        for (String slug : slugs) {
            if (!readme.contains("`" + slug + "`")) {
                missing.add(slug);
            }
        }
        assertThat(missing).as("problem types missing from the README's error table").isEmpty();
    }

    private static void collect(Matcher m, Set<String> into) {
        while (m.find()) {
            into.add(m.group(1));
        }
    }
}

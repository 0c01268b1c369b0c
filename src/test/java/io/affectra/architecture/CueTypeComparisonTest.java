package io.affectra.architecture;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * A cue's type is a {@code CueType}: compared with a string ({@code cue.type().equals("expression")}) it still
 * compiles but is always false. Main code compares no {@code type()} with a string literal.
 */
class CueTypeComparisonTest {

    private static final Pattern STRING_COMPARISON = Pattern.compile("\\.type\\(\\)\\.equals\\(\"|\"\\.equals\\([\\w.()]*\\.type\\(\\)\\)");

    @Test
    void noTypeIsComparedWithAString() {
        List<String> found = MainSources.all().stream()
                .flatMap(s -> s.text().lines().filter(l -> STRING_COMPARISON.matcher(l).find()).map(l -> s.path() + ": " + l.strip()))
                .toList();

        assertThat(found).as("compare cue types with CueType constants").isEmpty();
    }
}

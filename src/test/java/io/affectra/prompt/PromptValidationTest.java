package io.affectra.prompt;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.affectra.prompt.context.EmotionPromptContext;
import io.affectra.prompt.context.QuestionPromptContext;
import io.quarkus.qute.Engine;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Every template checked against the context it renders with, as the registry does at startup. */
class PromptValidationTest {

    private static final Engine ENGINE = Engine.builder().addDefaults().build();

    private static String template(String id, String variables, String user) {
        return "---\nid: " + id + "\nversion: 1\nvariables: [" + variables + "]\n---\n[system]\nRules.\n[user]\n" + user + "\n";
    }

    private static PromptRegistry registry(Map<String, String> files) {
        Map<String, byte[]> bytes = new LinkedHashMap<>();
        files.forEach((path, text) -> bytes.put(path, text.getBytes(StandardCharsets.UTF_8)));
        return new PromptRegistry(ENGINE, bytes);
    }

    @Test
    void everyShippedTemplateValidates() throws IOException {
        PromptRegistry registry = new PromptRegistry(ENGINE, PromptFiles.inFolder(Path.of("prompts")));

        List<String> shipped;
        try (Stream<Path> files = Files.walk(Path.of("prompts"))) {
            shipped = files.filter(Files::isRegularFile).map(f -> Path.of("prompts").relativize(f).toString().replace('\\', '/'))
                    .map(f -> f.substring(0, f.length() - ".md".length())).sorted().toList();
        }
        assertThat(registry.ids()).containsExactlyElementsOf(shipped);
    }

    @Test
    void aTemplateThatUsesAVariableItDoesNotDeclareFailsNamingTheFileAndTheVariable() {
        assertThatThrownBy(() -> registry(Map.of("emotion/moody.md", template("emotion/moody", "cues, labels", "{cues}\n{mood}"))))
                .isInstanceOf(PromptException.class)
                .hasMessageContaining("prompts/emotion/moody.md [user]: uses the variable 'mood', which its front matter does not declare");
    }

    @Test
    void aDeclaredVariableTheContextDoesNotProvideFailsNamingTheContext() {
        assertThatThrownBy(() -> registry(Map.of("emotion/moody.md", template("emotion/moody", "cues, mood", "{cues}\n{mood}"))))
                .isInstanceOf(PromptException.class)
                .hasMessageContaining("prompts/emotion/moody.md: declares the variable 'mood', which EmotionPromptContext does not provide")
                .hasMessageContaining("it provides cues, labels, transcript, schema, faceCount");
    }

    @Test
    void aStepTemplateCannotNameWhatItsStepDoesNotKnowYet(@TempDir Path root) throws IOException {
        // The first answer of Self-PEP has no first answer to read: before typed contexts this rendered empty.
        String shipped = Files.readString(Path.of("prompts/pep/answer.md"));
        String broken = shipped.replace("variables: [question,", "variables: [initial, question,")
                .replace("Answer with the JSON object only.", "Your earlier answer: {initial}\nAnswer with the JSON object only.");
        assertThat(broken).isNotEqualTo(shipped);
        Files.createDirectories(root.resolve("pep"));
        Files.writeString(root.resolve("pep/answer.md"), broken);

        assertThatThrownBy(() -> new PromptRegistry(ENGINE, PromptFiles.inFolder(root)))
                .isInstanceOf(PromptException.class)
                .hasMessageContaining("prompts/pep/answer.md: declares the variable 'initial', which PepPrompts.Answer does not provide");
    }

    @Test
    void everyProblemOfEveryFileIsReportedAtOnce() {
        Map<String, String> files = new LinkedHashMap<>();
        files.put("emotion/a.md", template("emotion/a", "cues", "{cues} {mood}"));
        files.put("poetry/haiku.md", template("poetry/haiku", "cues", "{cues}"));
        files.put("question/b.md", template("question/c", "question", "{question}"));
        files.put("README.md", "Templates live here.");

        assertThatThrownBy(() -> registry(files))
                .isInstanceOf(PromptException.class)
                .hasMessageContaining("prompts/emotion/a.md [user]: uses the variable 'mood'")
                .hasMessageContaining("prompts/poetry/haiku.md: no prompt context is bound to 'poetry/haiku' or to its task")
                .hasMessageContaining("prompts/question/b.md: declares id question/c; its path makes it question/b")
                .hasMessageContaining("prompts/README.md: not a template");
    }

    @Test
    void templatesOnlyNameVariablesAndBranchOnThem() {
        assertThatThrownBy(() -> registry(Map.of("emotion/a.md", template("emotion/a", "cues", "{#for c in cues}{c}{/for}"))))
                .isInstanceOf(PromptException.class).hasMessageContaining("uses {#for}");
        assertThatThrownBy(() -> registry(Map.of("emotion/a.md", template("emotion/a", "cues", "{cues.length}"))))
                .isInstanceOf(PromptException.class).hasMessageContaining("{cues.length} reads into the variable 'cues'");
        assertThatThrownBy(() -> registry(Map.of("emotion/a.md", template("emotion/a", "cues", "{config:affectra.secret}"))))
                .isInstanceOf(PromptException.class).hasMessageContaining("reads the namespace 'config'");
        assertThatThrownBy(() -> registry(Map.of("emotion/a.md", template("emotion/a", "cues", "{#if faceCount > 0}{cues}{/if}"))))
                .isInstanceOf(PromptException.class).hasMessageContaining("uses the variable 'faceCount'");
    }

    @Test
    void labelsAreTagsOfTheTemplateNotVariables() {
        // emotion templates also render a variable named labels (the label set): the two must not mix.
        String labelled = template("emotion/a", "cues, labels", "{cues} {labels}").replace("version: 1\n", "version: 1\nlabels: [baseline, facs]\n");
        PromptRegistry registry = registry(Map.of("emotion/a.md", labelled, "emotion/b.md", template("emotion/b", "cues", "{cues}")));

        assertThat(registry.get("emotion/a").labels()).containsExactly("baseline", "facs");
        assertThat(registry.get("emotion/a").variables()).containsExactly("cues", "labels");
        assertThat(registry.get("emotion/b").labels()).isEmpty();
        assertThat(registry.get("emotion/a").text()).isEqualTo(labelled);
        assertThat(registry.get("emotion/a").task()).isEqualTo("emotion");
    }

    @Test
    void aTemplateRendersOnlyWithItsOwnContext() {
        PromptRegistry registry = registry(Map.of("emotion/a.md", template("emotion/a", "cues", "{cues}")));

        assertThat(registry.get("emotion/a", EmotionPromptContext.class).id()).isEqualTo("emotion/a");
        assertThatThrownBy(() -> registry.get("emotion/a", QuestionPromptContext.class))
                .isInstanceOf(PromptException.class).hasMessage("emotion/a@1 renders with EmotionPromptContext, not QuestionPromptContext");
        assertThatThrownBy(() -> registry.render("emotion/a", new QuestionPromptContext("q", "yes-no", "", "", 0, "", "{}")))
                .isInstanceOf(PromptException.class).hasMessage("emotion/a@1 renders with EmotionPromptContext, not QuestionPromptContext");
        assertThatThrownBy(() -> registry.get("emotion/b")).isInstanceOf(PromptException.class).hasMessage("no template prompts/emotion/b.md");
    }
}

package io.affectra.experiment;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * A promptfoo config imported over real HTTP ({@code src/test/resources/promptfoo/promptfooconfig.yaml}): what maps
 * becomes a spec and a dataset that the experiment API accepts as they are (checked with a dry run that renders the
 * imported prompts over the shipped photographs); what does not map is listed, each part with its reason.
 */
@QuarkusTest
class PromptfooImportTest {

    static final ObjectMapper JSON = new ObjectMapper();

    static String fixture() throws IOException {
        return Files.readString(Path.of("src/test/resources/promptfoo/promptfooconfig.yaml"), StandardCharsets.UTF_8);
    }

    @Test
    void aPromptfooConfigBecomesASpecAndADatasetWithTheRestListed() throws IOException {
        String body = given().contentType("application/yaml").body(fixture().getBytes(StandardCharsets.UTF_8))
                .when().post("/v1/experiments/import/promptfoo?mediaDir=src/test/resources/media")
                .then().statusCode(200).contentType("application/json").extract().asString();
        JsonNode imported = JSON.readTree(body);
        JsonNode spec = imported.get("spec");

        assertThat(spec.get("name").asText()).isEqualTo("Emotion labels on the shipped photographs");
        assertThat(spec.get("format").asText()).isEqualTo("label");
        assertThat(spec.get("mediaDir").asText()).isEqualTo("src/test/resources/media");
        assertThat(spec.get("repeats").asInt()).isEqualTo(2);
        assertThat(spec.get("concurrency").asInt()).isEqualTo(1);
        // The provider with the same base URL (trailing slash aside) and model as the configured backend 'down'.
        assertThat(spec.get("backends")).hasSize(1);
        assertThat(spec.get("backends").get(0).asText()).isEqualTo("down");

        JsonNode variants = spec.get("variants");
        assertThat(variants).hasSize(2);
        assertThat(variants.get(0).get("id").asText()).isEqualTo("emotion/terse");
        assertThat(variants.get(0).get("extends").asText()).isEqualTo("emotion/direct");
        assertThat(variants.get(0).has("system")).isFalse();
        assertThat(variants.get(0).get("user").asText())
                .contains("TERSE-PROMPTFOO. Cues ({faceCount} face(s)):\n{cues}")
                .contains("Pick one of {labels} and reply like \\{\"label\": \"...\", \"confidence\": 0.5\\}, following {schema}.")
                .doesNotContain("{{");
        assertThat(variants.get(1).get("id").asText()).isEqualTo("emotion/chat-form");
        assertThat(variants.get(1).get("system").asText()).isEqualTo("CHAT-SYSTEM. Labels: {labels}. Schema: {schema}");
        assertThat(variants.get(1).get("user").asText()).isEqualTo("{cues}\n{transcript}");

        List<JsonNode> items = new ArrayList<>();
        for (String line : imported.get("dataset").asText().split("\n")) {
            items.add(JSON.readTree(line));
        }
        assertThat(items).hasSize(3);
        assertThat(items.get(0).toString()).isEqualTo("{\"id\":\"smiling-portrait\",\"media\":\"sample1.jpg\",\"label\":\"happiness\"}");
        assertThat(items.get(1).toString())
                .isEqualTo("{\"id\":\"neutral-face\",\"media\":\"sample2.jpg\",\"text\":\"Fine, thanks.\",\"label\":\"neutral\"}");
        assertThat(items.get(2).toString()).isEqualTo("{\"id\":\"group-photo\",\"media\":\"sample3.jpg\",\"label\":\"happiness\"}");

        Map<String, JsonNode> unsupported = new LinkedHashMap<>();
        imported.get("unsupported").forEach(u -> unsupported.put(u.get("path").asText(), u));
        assertThat(unsupported.keySet()).containsExactlyInAnyOrder(
                "prompts[2]", "prompts[3]", "prompts[4]",
                "providers[0].config.temperature", "providers[1]", "providers[2]",
                "defaultTest", "scenarios", "evaluateOptions.delay",
                "tests[0].assert[1]", "tests[1].vars.speaker", "tests[1].assert[1]", "tests[2].assert[1]",
                "tests[3].vars.image", "tests[3]", "tests[4].assert[0]", "tests[4]", "tests[5]");
        assertThat(reason(unsupported, "prompts[2]")).contains("{{text}}").contains("cues");
        assertThat(reason(unsupported, "prompts[3]")).contains("file://");
        assertThat(reason(unsupported, "prompts[4]")).contains("tags").contains("transcript | upper");
        assertThat(reason(unsupported, "providers[0].config.temperature")).contains("params.temperature");
        assertThat(reason(unsupported, "providers[2]")).contains("anthropic:messages");
        assertThat(reason(unsupported, "tests[0].assert[1]")).startsWith("regex:");
        assertThat(reason(unsupported, "tests[1].assert[1]")).startsWith("llm-rubric:").contains("EMER");
        assertThat(reason(unsupported, "tests[2].assert[1]")).startsWith("is-json:");
        assertThat(reason(unsupported, "tests[3].vars.image")).contains("not a URL");
        assertThat(reason(unsupported, "tests[4]")).contains("expected label");
        assertThat(reason(unsupported, "defaultTest")).contains("each test");
        // The provider no backend matches: the settings that would add one, its key from the variable promptfoo read.
        JsonNode settings = unsupported.get("providers[1]").get("settings");
        assertThat(JSON.convertValue(settings, Map.class)).containsExactly(
                Map.entry("affectra.backends.openai-mini.kind", "openai"),
                Map.entry("affectra.backends.openai-mini.base-url", "https://api.openai.com/v1"),
                Map.entry("affectra.backends.openai-mini.model", "gpt-4o-mini"),
                Map.entry("affectra.backends.openai-mini.api-key", "${MY_OPENAI_KEY}"));

        // What came back runs as it is: the experiment API takes the spec and the dataset (a dry run, nothing is called)
        // and renders the imported prompts over the photographs' cues.
        ObjectNode dry = ((ObjectNode) spec.deepCopy()).put("dryRun", true);
        JsonPath run = given().multiPart("spec", dry.toString(), "application/json")
                .multiPart("dataset", "promptfoo.jsonl", imported.get("dataset").asText().getBytes(StandardCharsets.UTF_8), "application/x-ndjson")
                .when().post("/v1/experiments").then().statusCode(200).extract().jsonPath();
        assertThat(run.getInt("cells")).isEqualTo(2);
        assertThat(run.getLong("trials")).isEqualTo(12); // 3 items x 2 variants x 2 repeats
        String terse = run.getString("prompts.find { it.cell == 'c1' }.user");
        assertThat(terse).matches("(?s)TERSE-PROMPTFOO\\. Cues \\([1-9] face\\(s\\)\\):\n\\[.*")
                .contains("reply like {\"label\": \"...\", \"confidence\": 0.5}, following {\"type\"");
        assertThat(run.getString("prompts.find { it.cell == 'c2' }.system")).startsWith("CHAT-SYSTEM. Labels: neutral, happiness");
    }

    @Test
    void aJsonConfigMapsTheSameWay() throws IOException {
        String config = """
                {"prompts": ["Evidence: {{cues}}"],
                 "tests": [{"vars": {"image": "sample1.jpg"}, "assert": [{"type": "equals", "value": "happiness"}]}]}
                """;
        JsonNode imported = JSON.readTree(given().contentType("application/json").body(config).when().post("/v1/experiments/import/promptfoo")
                .then().statusCode(200).extract().asString());
        assertThat(imported.get("spec").get("variants").get(0).get("id").asText()).isEqualTo("emotion/promptfoo-1");
        assertThat(imported.get("spec").get("variants").get(0).get("user").asText()).isEqualTo("Evidence: {cues}");
        assertThat(imported.get("spec").has("backends")).isFalse(); // no providers: the default backend
        assertThat(imported.get("dataset").asText()).isEqualTo("{\"id\":\"test-1\",\"media\":\"sample1.jpg\",\"label\":\"happiness\"}\n");
        assertThat(imported.get("unsupported")).isEmpty();
    }

    @Test
    void whatIsNoConfigIsRefused() {
        given().contentType("application/yaml").body("prompts: [unclosed".getBytes(StandardCharsets.UTF_8)).when()
                .post("/v1/experiments/import/promptfoo").then().statusCode(400).contentType("application/problem+json")
                .body("type", endsWith(":invalid-experiment")).body("detail", containsString("not valid YAML or JSON"));
        given().contentType("application/yaml").body("- a\n- b\n".getBytes(StandardCharsets.UTF_8)).when()
                .post("/v1/experiments/import/promptfoo").then().statusCode(400).body("detail", containsString("mapping"));
    }

    private static String reason(Map<String, JsonNode> unsupported, String path) {
        return unsupported.get(path).get("reason").asText();
    }
}

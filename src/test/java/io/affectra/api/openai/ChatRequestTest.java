package io.affectra.api.openai;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ChatRequestTest {

    private static ChatRequest parse(String json) {
        return ChatRequest.parse(json.getBytes(StandardCharsets.UTF_8));
    }

    private static String with(String extra) {
        return "{\"model\":\"m\",\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}]" + extra + "}";
    }

    @Test
    void readsWhatTheGatewayNeedsAndKeepsTheRest() {
        ChatRequest request = parse(with(",\"stream\":true,\"stream_options\":{\"include_usage\":true},\"n\":3,\"stop\":[\"A\",\"B\"],"
                + "\"max_tokens\":10,\"max_completion_tokens\":20,\"logit_bias\":{\"50256\":-100},\"x_vendor\":1"));

        assertThat(request.model()).isEqualTo("m");
        assertThat(request.stream()).isTrue();
        assertThat(request.includeUsage()).isTrue();
        assertThat(request.n()).isEqualTo(3);
        assertThat(request.stop()).containsExactly("A", "B");
        assertThat(request.maxTokens()).isEqualTo(20);
        assertThat(request.toolChoice()).isEqualTo("none");
        assertThat(request.root().has("x_vendor")).isTrue();
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "'{}'|model",
            "'{\"model\":\"m\"}'|messages",
            "'{\"model\":\"m\",\"messages\":[{\"role\":\"robot\",\"content\":\"x\"}]}'|messages[0].role",
            "'{\"model\":\"m\",\"messages\":[{\"role\":\"user\",\"content\":5}]}'|messages[0].content",
            "'{\"model\":\"m\",\"messages\":[{\"role\":\"user\",\"content\":[{\"text\":\"x\"}]}]}'|messages[0].content[0]"})
    void refusesMalformedRequestsNamingTheParameter(String json, String param) {
        assertThatThrownBy(() -> parse(json)).isInstanceOfSatisfying(OpenAiException.class, e -> {
            assertThat(e.error().status()).isEqualTo(400);
            assertThat(e.error().param()).isEqualTo(param);
        });
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            ",\"temperature\":2.5|temperature",
            ",\"top_p\":-1|top_p",
            ",\"n\":0|n",
            ",\"max_tokens\":0|max_tokens",
            ",\"seed\":1.5|seed",
            ",\"stream\":\"yes\"|stream",
            ",\"stop\":[\"a\",\"b\",\"c\",\"d\",\"e\"]|stop",
            ",\"response_format\":{\"type\":\"xml\"}|response_format.type",
            ",\"response_format\":{\"type\":\"json_schema\"}|response_format.json_schema",
            ",\"tool_choice\":\"auto\"|tool_choice",
            ",\"tools\":[{\"type\":\"function\",\"function\":{}}]|tools[0]",
            ",\"stream_options\":{\"include_usage\":true}|stream_options",
            ",\"affectra\":\"emo-llama\"|affectra",
            ",\"affectra\":{\"variant\":7}|affectra.variant",
            ",\"affectra\":{\"strategy\":\" \"}|affectra.strategy",
            ",\"affectra\":{\"template\":\"emo-llama\"}|affectra.template"})
    void refusesOutOfRangeParameters(String extra, String param) {
        assertThatThrownBy(() -> parse(with(extra))).isInstanceOfSatisfying(OpenAiException.class,
                e -> assertThat(e.error().param()).isEqualTo(param));
    }

    @Test
    void theModelIsSplicedIntoTheClientsBytes() {
        String body = "{ \"messages\":[{\"role\":\"user\",\"content\":\"say \\\"model\\\"\"}],\n  \"model\" : \"affectra-emo\", \"n\":1}";
        ChatRequest request = parse(body);

        String out = new String(request.withModel("qwen/Qwen2.5 \"7B\""), StandardCharsets.UTF_8);

        assertThat(out).isEqualTo(body.replace("\"affectra-emo\"", "\"qwen/Qwen2.5 \\\"7B\\\"\""));
        assertThat(parse(out).model()).isEqualTo("qwen/Qwen2.5 \"7B\"");
        assertThat(parse(new String(request.withModel("modèle\\ü\n"), StandardCharsets.UTF_8)).model()).isEqualTo("modèle\\ü\n");
    }

    @Test
    void theAffectraExtensionIsReadAndKeptFromTheBackend() {
        ChatRequest request = parse(with(",\"affectra\":{\"variant\":\"emotion/emo-llama@1\",\"strategy\":\"direct\"},\"seed\":3"));

        assertThat(request.variant()).isEqualTo("emotion/emo-llama@1");
        assertThat(request.strategy()).isEqualTo("direct");
        assertThat(request.seed()).isEqualTo(3L);
        assertThat(request.temperature()).isNull();
        assertThat(request.root().has("affectra")).isFalse();
        // The client's bytes hold the extension, so they are never forwarded as they are.
        assertThat(request.withModel("x")).isNull();
        assertThat(parse(with("")).variant()).isNull();
    }

    @Test
    void notJsonIsInvalidJson() {
        assertThatThrownBy(() -> parse("{\"model\":")).isInstanceOfSatisfying(OpenAiException.class,
                e -> assertThat(e.error().code()).isEqualTo("invalid_json"));
        assertThatThrownBy(() -> parse("[1,2]")).isInstanceOfSatisfying(OpenAiException.class,
                e -> assertThat(e.error().code()).isEqualTo("invalid_json"));
    }
}

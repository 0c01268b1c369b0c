package io.affectra.api.openai;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class OpenAiPathsTest {

    @Test
    void theRouteRegexAndThePathCheckDrawTheSameLine() {
        Pattern other = Pattern.compile(OpenAiPaths.OTHER_V1_REGEX);
        // Every /v1 path outside Affectra's own namespaces is OpenAI's, served or not (/v1/embeddings gets OpenAI's 404).
        List<String> openAi = List.of("/v1/chat/completions", "/v1/chat/other", "/v1/models", "/v1/models/affectra-emo",
                "/v1/modelsx", "/v1/chatter", "/v1/embeddings", "/v1/responses", "/v1/completions", "/v1");
        List<String> ours = List.of("/v1/emotion/analyze", "/v1/emotion/jobs/12", "/v1/evaluations", "/v1/knowledge/emotions",
                "/v1/backends", "/v1/analyses/1", "/v1/encoders", "/v1/strategies", "/v1/knowledge");
        for (String path : openAi) {
            assertThat(OpenAiPaths.isOpenAi(path)).as(path).isTrue();
            assertThat(other.matcher(path).matches()).as(path).isFalse();
        }
        for (String path : ours) {
            assertThat(OpenAiPaths.isOpenAi(path)).as(path).isFalse();
            assertThat(other.matcher(path).matches()).as(path).isTrue();
        }
    }
}

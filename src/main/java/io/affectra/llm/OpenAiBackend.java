package io.affectra.llm;

import dev.langchain4j.model.chat.request.ChatRequestParameters;
import dev.langchain4j.model.openai.OpenAiChatRequestParameters;
import dev.langchain4j.model.openai.OpenAiChatModel;

/** Any OpenAI-compatible chat-completions server (OpenAI, vLLM, llama.cpp server, LM Studio, ...) through LangChain4j. */
public final class OpenAiBackend extends ChatModelBackend {

    /** Local OpenAI-compatible servers want no key, but LangChain4j's builder insists on one. */
    static final String NO_KEY = "none";

    /** Made by {@link OpenAiBackendFactory}, which resolves the base URL. */
    OpenAiBackend(String name, BackendConfig config, String baseUrl) {
        super(name, BackendKind.OPENAI, requireModel(name, config), config.structuredOutput(), build(config, baseUrl));
    }

    private static OpenAiChatModel build(BackendConfig config, String baseUrl) {
        OpenAiChatModel.OpenAiChatModelBuilder builder = OpenAiChatModel.builder()
                .baseUrl(baseUrl)
                .apiKey(config.apiKey().filter(k -> !k.isBlank()).orElse(NO_KEY))
                .modelName(config.model().orElseThrow())
                .timeout(config.timeout())
                .maxRetries(0)
                // Our schemas are strict-compatible (closed objects, every property required).
                .strictJsonSchema(true);
        config.temperature().ifPresent(builder::temperature);
        return builder.build();
    }

    @Override
    protected ChatRequestParameters seeded(ChatRequestParameters base, int seed) {
        return OpenAiChatRequestParameters.builder().overrideWith(base).seed(seed).build();
    }
}

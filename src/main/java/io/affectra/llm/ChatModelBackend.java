package io.affectra.llm;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.langchain4j.data.message.AiMessage;
import dev.langchain4j.data.message.ChatMessage;
import dev.langchain4j.data.message.SystemMessage;
import dev.langchain4j.data.message.UserMessage;
import dev.langchain4j.model.chat.ChatModel;
import dev.langchain4j.model.chat.request.ChatRequest;
import dev.langchain4j.model.chat.request.ChatRequestParameters;
import dev.langchain4j.model.chat.request.DefaultChatRequestParameters;
import dev.langchain4j.model.chat.request.ResponseFormat;
import dev.langchain4j.model.chat.request.ResponseFormatType;
import dev.langchain4j.model.chat.request.json.JsonRawSchema;
import dev.langchain4j.model.chat.request.json.JsonSchema;
import dev.langchain4j.model.chat.response.ChatResponse;
import dev.langchain4j.model.output.TokenUsage;
import java.util.List;
import java.util.Locale;

/**
 * A backend reached through a LangChain4j {@link ChatModel} built once at startup: converts the prompt, asks for JSON
 * as configured ({@link StructuredOutput}), maps failures to {@link BackendException}s and reads the token usage.
 * LangChain4j's own retries are off (maxRetries 0): retrying and falling back is decided above the backends.
 */
abstract class ChatModelBackend implements EmotionBackend {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final String name;
    private final BackendKind kind;
    private final String model;
    private final StructuredOutput structuredOutput;
    private final ChatModel chatModel;

    protected ChatModelBackend(String name, BackendKind kind, String model, StructuredOutput structuredOutput, ChatModel chatModel) {
        this.name = name;
        this.kind = kind;
        this.model = model;
        this.structuredOutput = structuredOutput;
        this.chatModel = chatModel;
    }

    static String requireModel(String name, BackendConfig config) {
        return config.model().filter(m -> !m.isBlank()).orElseThrow(() -> new IllegalArgumentException(
                "affectra.backends." + name + ".model is required for kind " + config.kind().name().toLowerCase(Locale.ROOT)));
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public BackendKind kind() {
        return kind;
    }

    @Override
    public String model() {
        return model;
    }

    @Override
    public BackendReply complete(BackendRequest request) {
        ChatRequest.Builder chat = ChatRequest.builder().messages(messages(request.messages()));
        ResponseFormat format = responseFormat(request);
        Sampling sampling = request.sampling();
        DefaultChatRequestParameters.Builder<?> parameters = DefaultChatRequestParameters.builder();
        if (format != null) {
            parameters.responseFormat(format);
        }
        if (sampling.temperature() != null) {
            parameters.temperature(sampling.temperature());
        }
        if (sampling.maxTokens() != null) {
            parameters.maxOutputTokens(sampling.maxTokens());
        }
        // A seed is provider-specific: it goes as the provider's own parameters.
        chat.parameters(sampling.seed() == null ? parameters.build() : seeded(parameters.build(), (int) (long) sampling.seed()));
        ChatRequest built = chat.build();
        ChatResponse response;
        try {
            response = chatModel.chat(built);
        } catch (RuntimeException e) {
            throw BackendFailures.map(name, e);
        }
        String text = response.aiMessage() == null || response.aiMessage().text() == null ? "" : response.aiMessage().text();
        TokenUsage usage = response.tokenUsage();
        return new BackendReply(text, count(usage == null ? null : usage.inputTokenCount()),
                count(usage == null ? null : usage.outputTokenCount()));
    }

    /** {@code base} with the provider's seed parameter. */
    protected abstract ChatRequestParameters seeded(ChatRequestParameters base, int seed);

    private ResponseFormat responseFormat(BackendRequest request) {
        return switch (structuredOutput) {
            case NONE -> null;
            case JSON_OBJECT -> ResponseFormat.JSON;
            case JSON_SCHEMA -> request.jsonSchema() == null || request.jsonSchema().isEmpty()
                    ? ResponseFormat.JSON
                    // The raw schema travels as written (bounds, enums, additionalProperties) instead of being
                    // rebuilt from LangChain4j's element types, which drop keywords such as minimum/maximum.
                    : ResponseFormat.builder()
                            .type(ResponseFormatType.JSON)
                            .jsonSchema(JsonSchema.builder()
                                    .name(request.schemaName() == null || request.schemaName().isBlank() ? AnswerSchema.NAME : request.schemaName())
                                    .rootElement(JsonRawSchema.from(json(request)))
                                    .build())
                            .build();
        };
    }

    private static String json(BackendRequest request) {
        try {
            return JSON.writeValueAsString(request.jsonSchema());
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("the request's JSON schema cannot be written as JSON", e);
        }
    }

    private static List<ChatMessage> messages(List<PromptMessage> prompt) {
        return prompt.stream().<ChatMessage>map(m -> switch (m.role()) {
            case SYSTEM -> SystemMessage.from(m.text());
            case USER -> UserMessage.from(m.text());
            case ASSISTANT -> AiMessage.from(m.text());
        }).toList();
    }

    private static int count(Integer tokens) {
        return tokens == null ? 0 : tokens;
    }
}

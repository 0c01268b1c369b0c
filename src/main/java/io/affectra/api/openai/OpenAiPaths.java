package io.affectra.api.openai;

import java.util.regex.Pattern;

/**
 * Which {@code /v1} paths speak OpenAI's wire format and error shape, and which are Affectra's own (problem+json).
 * Affectra's own live under a few namespaces ({@code /v1/emotion}, {@code /v1/analyses}, ...); every other {@code /v1}
 * path is OpenAI's, served ({@code /v1/chat/completions}, {@code /v1/responses}, {@code /v1/models}) or not ({@code /v1/embeddings}), so
 * that an SDK calling a route Affectra lacks reads a message instead of "(no body)".
 */
public final class OpenAiPaths {

    public static final String CHAT_COMPLETIONS = "/v1/chat/completions";
    public static final String MODELS = "/v1/models";
    public static final String RESPONSES = "/v1/responses";

    /** Affectra's own {@code /v1} namespaces. */
    static final String AFFECTRA_NAMESPACES = "emotion|analyses|evaluations|backends|encoders|strategies|knowledge|experiments";

    /** Affectra's own {@code /v1} paths as a route regex: the complement of {@link #isOpenAi} under {@code /v1}. */
    public static final String OTHER_V1_REGEX = "/v1/(?:" + AFFECTRA_NAMESPACES + ")(?:/.*)?";

    private static final Pattern AFFECTRA = Pattern.compile(OTHER_V1_REGEX);

    private OpenAiPaths() {
    }

    public static boolean isOpenAi(String path) {
        return path != null && (path.equals("/v1") || path.startsWith("/v1/")) && !AFFECTRA.matcher(path).matches();
    }
}

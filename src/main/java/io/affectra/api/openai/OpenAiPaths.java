package io.affectra.api.openai;

/** The routes that speak OpenAI's wire format (and its error shape) rather than problem+json. */
public final class OpenAiPaths {

    public static final String CHAT_COMPLETIONS = "/v1/chat/completions";
    public static final String MODELS = "/v1/models";

    private OpenAiPaths() {
    }

    /** The {@code /v1} paths that are not OpenAI's, as a route regex: the same rule as {@link #isOpenAi}. */
    public static final String OTHER_V1_REGEX = "/v1/(?!chat/|models(?:/|$)).*";

    public static boolean isOpenAi(String path) {
        return path != null && (path.startsWith("/v1/chat/") || path.equals(MODELS) || path.startsWith(MODELS + "/"));
    }
}

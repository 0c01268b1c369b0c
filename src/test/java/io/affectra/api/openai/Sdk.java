package io.affectra.api.openai;

import com.openai.client.OpenAIClient;
import com.openai.client.okhttp.OpenAIOkHttpClient;
import com.openai.models.chat.completions.ChatCompletionContentPart;
import com.openai.models.chat.completions.ChatCompletionContentPartImage;
import com.openai.models.chat.completions.ChatCompletionContentPartText;
import io.affectra.testing.TestMedia;
import java.net.URL;
import java.time.Duration;
import java.util.Base64;

/** The official OpenAI Java SDK pointed at the server under test, and content parts as an application builds them. */
final class Sdk {

    private Sdk() {
    }

    /** No SDK retries: the tests count what reaches the backend. */
    static OpenAIClient client(URL base, String key) {
        return OpenAIOkHttpClient.builder().baseUrl(base.toString()).apiKey(key).maxRetries(0).timeout(Duration.ofSeconds(60)).build();
    }

    static ChatCompletionContentPart text(String text) {
        return ChatCompletionContentPart.ofText(ChatCompletionContentPartText.builder().text(text).build());
    }

    static ChatCompletionContentPart image(String url) {
        return ChatCompletionContentPart.ofImageUrl(ChatCompletionContentPartImage.builder()
                .imageUrl(ChatCompletionContentPartImage.ImageUrl.builder().url(url).build()).build());
    }

    /** Any image file as a data: URI. */
    static String dataUri(java.nio.file.Path file, String type) {
        try {
            return "data:" + type + ";base64," + Base64.getEncoder().encodeToString(java.nio.file.Files.readAllBytes(file));
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** A test photograph as a data: URI, the way SDK users send local images. */
    static String dataUri(String media) {
        return "data:image/jpeg;base64," + Base64.getEncoder().encodeToString(TestMedia.bytes(media));
    }
}

package io.affectra.api.openai;

import io.vertx.core.http.HttpServerResponse;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Writes an assistant message made inside Affectra in OpenAI's wire format: a {@code chat.completion}, or
 * {@code chat.completion.chunk} events (role first, the content in word-sized pieces, the finish reason, the usage chunk
 * when {@code stream_options.include_usage}, then {@code data: [DONE]}), each written as soon as it exists. A completion
 * also carries an {@code affectra} object: the strategy and the template (ref and sha256) that answered, so a client
 * comparing prompt variants can tell which one it got (a stream has the same in its response headers).
 */
final class CompletionWriter {

    /** Characters per streamed piece: a few words, like a model's tokens arriving in small groups. */
    static final int PIECE = 24;

    private CompletionWriter() {
    }

    static String newId() {
        byte[] random = new byte[12];
        ThreadLocalRandom.current().nextBytes(random);
        return "chatcmpl-" + HexFormat.of().formatHex(random);
    }

    static JsonObject completion(String model, AnswerReply reply, int n) {
        JsonArray choices = new JsonArray();
        for (int i = 0; i < n; i++) {
            choices.add(new JsonObject().put("index", i)
                    .put("message", new JsonObject().put("role", "assistant").put("content", reply.content()).putNull("refusal"))
                    .putNull("logprobs")
                    .put("finish_reason", reply.finishReason()));
        }
        return header(newId(), "chat.completion", model).put("choices", choices).put("usage", usage(reply, n))
                .put("affectra", affectra(reply));
    }

    private static JsonObject affectra(AnswerReply reply) {
        JsonObject out = new JsonObject().put("strategy", reply.strategy());
        if (reply.template() != null) {
            out.put("template", reply.template().id() + "@" + reply.template().version()).put("template_sha256", reply.template().hash());
        }
        return out;
    }

    static void stream(HttpServerResponse response, String model, AnswerReply reply, int n, boolean includeUsage) {
        String id = newId();
        response.setStatusCode(200).setChunked(true)
                .putHeader("content-type", "text/event-stream; charset=utf-8")
                .putHeader("cache-control", "no-cache");
        for (int i = 0; i < n; i++) {
            write(response, chunk(id, model, i, new JsonObject().put("role", "assistant").put("content", ""), null, includeUsage));
            for (String piece : pieces(reply.content())) {
                write(response, chunk(id, model, i, new JsonObject().put("content", piece), null, includeUsage));
            }
            write(response, chunk(id, model, i, new JsonObject(), reply.finishReason(), includeUsage));
        }
        if (includeUsage) {
            write(response, header(id, "chat.completion.chunk", model).put("choices", new JsonArray()).put("usage", usage(reply, n)));
        }
        response.end("data: [DONE]\n\n");
    }

    private static JsonObject chunk(String id, String model, int index, JsonObject delta, String finish, boolean includeUsage) {
        JsonObject choice = new JsonObject().put("index", index).put("delta", delta).putNull("logprobs").put("finish_reason", finish);
        JsonObject chunk = header(id, "chat.completion.chunk", model).put("choices", new JsonArray().add(choice));
        return includeUsage ? chunk.putNull("usage") : chunk;
    }

    private static JsonObject header(String id, String object, String model) {
        return new JsonObject().put("id", id).put("object", object).put("created", System.currentTimeMillis() / 1000)
                .put("model", model).put("system_fingerprint", "affectra");
    }

    private static JsonObject usage(AnswerReply reply, int n) {
        long completion = reply.completionTokens() * n;
        return new JsonObject().put("prompt_tokens", reply.promptTokens()).put("completion_tokens", completion)
                .put("total_tokens", reply.promptTokens() + completion).put("cue_context_tokens", reply.cueTokens());
    }

    private static void write(HttpServerResponse response, JsonObject event) {
        response.write("data: " + event.encode() + "\n\n");
    }

    /** Pieces of about {@link #PIECE} characters, cut after a space where there is one. */
    static List<String> pieces(String text) {
        List<String> out = new ArrayList<>();
        int start = 0;
        while (start < text.length()) {
            int end = Math.min(text.length(), start + PIECE);
            if (end < text.length()) {
                int space = text.lastIndexOf(' ', end);
                if (space > start) {
                    end = space + 1;
                }
            }
            out.add(text.substring(start, end));
            start = end;
        }
        return out;
    }
}

package io.affectra.api.openai;

import io.affectra.gateway.ReplyTranslator;
import io.vertx.core.http.HttpServerResponse;

/**
 * One request on an OpenAI route that runs on the chat pipeline, in that route's wire format: the chat request it
 * stands for, and how the pipeline's results go back. Called on the request's event loop except where noted.
 */
interface ChatTurn {

    /** The chat request; null before {@link #resolve} when {@link #resolves}. */
    ChatRequest chat();

    /** Whether {@link #resolve} must run (on a worker) before the request can be routed. */
    default boolean resolves() {
        return false;
    }

    /** Blocking: loads what the request refers to (an earlier, stored response) and makes the chat request. */
    default void resolve() {
    }

    /** How a proxied backend reply reaches the client. */
    ReplyTranslator reply();

    /** Blocking, on the worker that answered: what must happen before an answer-mode reply goes out. */
    default void answered(AnswerReply reply) {
    }

    /** Writes an answer-mode reply ({@code model} is the model id that answered). */
    void writeAnswer(HttpServerResponse response, String model, AnswerReply reply);

    /** An error, its parameter named as this route's clients name it. */
    default OpenAiError error(OpenAiError error) {
        return error;
    }
}

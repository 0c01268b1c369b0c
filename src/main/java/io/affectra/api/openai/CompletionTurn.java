package io.affectra.api.openai;

import io.affectra.gateway.ReplyTranslator;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.ext.web.RoutingContext;

/** {@code POST /v1/chat/completions}: the request is the chat request, and the backend's reply is relayed as it is. */
final class CompletionTurn implements ChatTurn {

    static final ChatSurface SURFACE = new ChatSurface() {
        @Override
        public ChatTurn parse(byte[] body, RoutingContext rc) {
            return new CompletionTurn(ChatRequest.parse(body));
        }

        @Override
        public String noun() {
            return "chat-completion request";
        }
    };

    private static final ReplyTranslator RELAY = ReplyTranslator.relay(failure -> UpstreamErrors.of(failure).sseEvent());

    private final ChatRequest chat;

    private CompletionTurn(ChatRequest chat) {
        this.chat = chat;
    }

    @Override
    public ChatRequest chat() {
        return chat;
    }

    @Override
    public ReplyTranslator reply() {
        return RELAY;
    }

    @Override
    public void writeAnswer(HttpServerResponse response, String model, AnswerReply reply) {
        if (chat.stream()) {
            CompletionWriter.stream(response, model, reply, chat.n(), chat.includeUsage());
        } else {
            response.setStatusCode(200).putHeader("content-type", "application/json")
                    .end(CompletionWriter.completion(model, reply, chat.n()).encode());
        }
    }
}

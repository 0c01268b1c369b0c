package io.affectra.api.openai;

import io.vertx.ext.web.RoutingContext;

/** How the request body of one OpenAI route becomes a {@link ChatTurn}. */
interface ChatSurface {

    /**
     * Parses and checks a body. Runs on the event loop for small bodies, on a worker for large ones; never blocks.
     *
     * @throws OpenAiException (400) when the body is not a valid request of this route
     */
    ChatTurn parse(byte[] body, RoutingContext rc);

    /** What the route's body is, for messages: "chat-completion request". */
    String noun();
}

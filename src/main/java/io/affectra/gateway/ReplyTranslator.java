package io.affectra.gateway;

import io.vertx.core.Future;
import io.vertx.core.buffer.Buffer;
import java.util.function.Function;

/**
 * How a backend's successful chat-completion reply reaches the client: relayed as the backend sent it
 * ({@link #relay}), or translated into another wire format on the way (the Responses API). The relay still does the
 * work that does not depend on the format (whole events, usage with the cue-context tokens, metrics, backpressure,
 * cancellation); a translator only turns chat bytes into its own. Every method runs on the request's event loop; the
 * end of a reply may come later (a translator that stores its result before the client learns it is done).
 */
public interface ReplyTranslator {

    /** What goes out right after a stream's head, before the backend's first event. */
    default Buffer start() {
        return Buffer.buffer();
    }

    /** Complete server-sent events of the chat stream (usage already rewritten) to the bytes the client gets now. */
    Buffer events(Buffer events);

    /** The stream ended; {@code rest} is an unterminated last event, if any. Never fails. */
    Future<Buffer> end(Buffer rest);

    /** The stream broke after the client had its head: the bytes that end the reply (an error event). */
    Buffer broken(Buffer rest, UpstreamFailure failure);

    /**
     * A plain (non-stream) completion, usage already rewritten, to the client's body. A failed future means nothing
     * could be made of it; nothing has been sent then, so the caller answers with an error.
     */
    Future<Buffer> body(Buffer completion);

    /** The content type of {@link #body}'s result, given the backend's. */
    default String bodyType(String backendType) {
        return backendType == null ? "application/json" : backendType;
    }

    /** The chat completion as the backend sent it; a stream that breaks ends with {@code errorEvent}'s event. */
    static ReplyTranslator relay(Function<UpstreamFailure, String> errorEvent) {
        return new ReplyTranslator() {
            @Override
            public Buffer events(Buffer events) {
                return events;
            }

            @Override
            public Future<Buffer> end(Buffer rest) {
                return Future.succeededFuture(rest);
            }

            @Override
            public Buffer broken(Buffer rest, UpstreamFailure failure) {
                return rest.appendString(errorEvent.apply(failure));
            }

            @Override
            public Future<Buffer> body(Buffer completion) {
                return Future.succeededFuture(completion);
            }
        };
    }
}

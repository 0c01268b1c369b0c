package io.affectra.gateway;

import io.vertx.core.buffer.Buffer;
import java.util.List;
import java.util.function.Function;

/**
 * One chat completion to forward.
 *
 * @param model       the model id the client named (for metrics and headers)
 * @param chain       the backend and its fallbacks, in order
 * @param body        the request body for a given backend (its model name; media kept only for multimodal ones)
 * @param stream      whether the client asked for a stream
 * @param media       whether the request carried media (for metrics)
 * @param cueTokens   estimated tokens of the injected cue context, added to the reported usage
 * @param startNanos  when the request arrived
 * @param reply       how the backend's reply reaches the client: relayed, or translated into the route's wire format
 */
public record ProxyCall(
        String model,
        List<Upstream> chain,
        Function<Upstream, Buffer> body,
        boolean stream,
        boolean media,
        long cueTokens,
        long startNanos,
        ReplyTranslator reply) {
}

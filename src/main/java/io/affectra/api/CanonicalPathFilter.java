package io.affectra.api;

import io.affectra.api.openai.OpenAiError;
import io.affectra.api.problem.Problems;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Singleton;
import java.util.Locale;

/**
 * First handler of every request: a path that is not in {@link CanonicalPath canonical form} is refused with 400
 * before authentication, limits or routing see it, so that all of them decide on one and the same path.
 */
@Singleton
public class CanonicalPathFilter {

    /** Right after the request id, ahead of API keys and limits. */
    static final int ORDER = RequestIdFilter.ORDER + 1;

    void install(@Observes Router router) {
        router.route().order(ORDER).handler(this::check);
    }

    void check(RoutingContext rc) {
        String path = rc.request().path();
        String why = CanonicalPath.problem(path);
        if (why == null) {
            rc.next();
            return;
        }
        String message = "The request path is not in canonical form: " + why + ". Send the path as the API documents it.";
        rc.response().putHeader("connection", "close");
        if (looksLikeOpenAi(path)) {
            new OpenAiError(400, OpenAiError.INVALID_REQUEST, "invalid_path", null, message, 0).send(rc.response());
            return;
        }
        rc.response().setStatusCode(400).putHeader("content-type", Problems.MEDIA_TYPE)
                .end(new JsonObject(Problems.body("non-canonical-path", 400, "Non-canonical path", message)).encode());
    }

    /** Which error shape a client of this path reads; the path is refused either way. */
    private static boolean looksLikeOpenAi(String path) {
        String p = path == null ? "" : path.toLowerCase(Locale.ROOT);
        return p.contains("chat") || p.contains("models") || p.contains("completions") || p.contains("responses");
    }
}

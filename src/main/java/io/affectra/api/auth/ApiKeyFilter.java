package io.affectra.api.auth;

import io.affectra.api.Caller;
import io.affectra.api.openai.OpenAiError;
import io.affectra.api.openai.OpenAiPaths;
import io.affectra.api.problem.Problems;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.inject.Singleton;
import jakarta.enterprise.event.Observes;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.jboss.logging.Logger;

/**
 * Checks the bearer key of every request outside {@code /q/} (health, metrics, API documents) and the console's shell, then its key's rate and concurrency limits, before a byte of the
 * body is read. Refusals speak OpenAI's error shape on the OpenAI routes and problem+json elsewhere. Installed only
 * when {@code affectra.auth.enabled}: with auth off it costs nothing. Never logs a key.
 */
@Singleton
public class ApiKeyFilter {

    private static final Logger LOG = Logger.getLogger(ApiKeyFilter.class);

    private final ApiKeys keys;

    public ApiKeyFilter(ApiKeys keys) {
        this.keys = keys;
    }

    void install(@Observes Router router) {
        if (keys.enabled()) {
            router.route().order(Integer.MIN_VALUE + 2).handler(this::check);
        }
    }

    void check(RoutingContext rc) {
        String path = rc.request().path();
        if (isOpen(path)) {
            rc.next();
            return;
        }
        String presented = bearer(rc.request().getHeader("Authorization"));
        if (presented == null) {
            refuse(rc, OpenAiError.unauthorized("missing_api_key",
                    "You didn't provide an API key. Send it as 'Authorization: Bearer <key>'."));
            return;
        }
        Optional<ApiKeys.Client> found = keys.find(presented);
        if (found.isEmpty()) {
            LOG.debugf("refused %s %s: unknown API key", rc.request().method(), path);
            refuse(rc, OpenAiError.unauthorized("invalid_api_key", "Incorrect API key provided."));
            return;
        }
        ApiKeys.Client client = found.get();
        TokenBucket rate = client.rate();
        if (rate != null) {
            long wait = rate.tryTake();
            if (wait > 0) {
                long seconds = Math.max(1, TimeUnit.NANOSECONDS.toSeconds(wait + 999_999_999L));
                rc.response().putHeader("x-ratelimit-limit-requests", Integer.toString(rate.capacity()))
                        .putHeader("x-ratelimit-remaining-requests", "0");
                refuse(rc, OpenAiError.rateLimited("rate_limit_exceeded", "Rate limit reached for key '" + client.name() + "': "
                        + rate.capacity() + " requests per minute. Retry after " + seconds + " s.", seconds));
                return;
            }
            rc.response().putHeader("x-ratelimit-limit-requests", Integer.toString(rate.capacity()))
                    .putHeader("x-ratelimit-remaining-requests", Integer.toString(rate.remaining()));
        }
        if (!client.enter()) {
            refuse(rc, OpenAiError.rateLimited("concurrency_limit_exceeded", "Key '" + client.name() + "' already has "
                    + client.maxConcurrent() + " requests in flight.", 1));
            return;
        }
        if (client.limitsConcurrency()) {
            // Called once when the response ends, fails or the client goes away.
            rc.addEndHandler(ignored -> client.leave());
        }
        Caller.set(rc, client.name());
        rc.next();
    }

    /**
     * Health, metrics, the API documents and the console's shell stay open; everything else needs a key (deny by default: a route added later,
     * or a path spelled in a way no rule foresaw, is protected too). {@link io.affectra.api.CanonicalPathFilter} has
     * already refused paths that are not canonical, so this prefix is the path the routers route.
     */
    static boolean isOpen(String path) {
        return path != null && (path.startsWith("/q/") || isConsoleShell(path));
    }

    /**
     * The console's pages, scripts and styles carry no data (every data call of theirs goes to {@code /v1} with the key the
     * user typed in), so they load without a key: the page has to be there to ask for one.
     */
    static boolean isConsoleShell(String path) {
        return path.equals("/console") || path.startsWith("/console/");
    }

    private static String bearer(String header) {
        if (header == null || header.length() < 7 || !header.regionMatches(true, 0, "Bearer ", 0, 7)) {
            return null;
        }
        String key = header.substring(7).strip();
        return key.isEmpty() ? null : key;
    }

    private static void refuse(RoutingContext rc, OpenAiError error) {
        if (error.status() == 401) {
            rc.response().putHeader("www-authenticate", "Bearer");
        }
        if (OpenAiPaths.isOpenAi(rc.request().path())) {
            error.send(rc.response());
            return;
        }
        String slug = error.status() == 401 ? "unauthorized" : "rate-limited";
        Map<String, Object> body = Problems.body(slug, error.status(), error.status() == 401 ? "Unauthorized" : "Too many requests",
                error.message());
        if (error.retryAfterSeconds() > 0) {
            rc.response().putHeader("retry-after", Long.toString(error.retryAfterSeconds()));
        }
        rc.response().setStatusCode(error.status()).putHeader("content-type", Problems.MEDIA_TYPE).end(new JsonObject(body).encode());
    }
}

package io.affectra.api;

import io.affectra.api.openai.OpenAiPaths;
import io.affectra.api.problem.Problems;
import io.affectra.config.HttpLimitDefaults;
import io.affectra.media.LimitsConfig;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

/**
 * Refuses an upload whose declared Content-Length is over the media limit before a byte of it is read or stored.
 * Uploads without a length (chunked) are counted as they arrive against the transport's body limit, which is derived
 * from the same figures (config.HttpLimitDefaults), and refused there.
 */
@ApplicationScoped
public class UploadSizeFilter {

    private final long maxBody;

    public UploadSizeFilter(LimitsConfig limits) {
        this.maxBody = HttpLimitDefaults.maxBody(limits.maxMediaBytes(), limits.maxAvBytes());
    }

    void install(@Observes Router router) {
        // Ahead of the body handler, so that an oversized upload is refused before it is read. Only on /v1 routes that
        // are not OpenAI's (those have their own limit, affectra.chat.max-request-bytes, and error shape), so that a
        // proxied chat completion does not pay for a handler that would only pass it on.
        router.routeWithRegex(OpenAiPaths.OTHER_V1_REGEX).order(Integer.MIN_VALUE + 3).handler(this::checkLength);
    }

    void checkLength(RoutingContext rc) {
        String type = rc.request().getHeader("Content-Type");
        if (isMultipart(type) && !type.toLowerCase(java.util.Locale.ROOT).contains("boundary=")) {
            // Without a boundary the parser finds no parts at all, and the route would report a missing file.
            JsonObject body = new JsonObject(Problems.body("malformed-multipart", 400, "Malformed multipart body",
                    "Content-Type multipart/form-data needs a boundary parameter (multipart/form-data; boundary=...); HTTP"
                            + " clients add it when they build the form (curl -F, requests' files=, FormData)."));
            rc.response().setStatusCode(400).putHeader("Content-Type", Problems.MEDIA_TYPE)
                    .putHeader("Connection", "close").end(body.encode());
            return;
        }
        String length = rc.request().getHeader("Content-Length");
        if (length != null) {
            try {
                long declared = Long.parseLong(length.trim());
                if (declared > maxBody) {
                    JsonObject body = new JsonObject(Problems.body("media-too-large", 413, "Unusable media",
                            "The request declares " + declared + " bytes; the media limit is " + (maxBody - HttpLimitDefaults.MULTIPART_OVERHEAD) + " bytes."));
                    rc.response().setStatusCode(413).putHeader("Content-Type", Problems.MEDIA_TYPE)
                            .putHeader("Connection", "close").end(body.encode());
                    return;
                }
            } catch (NumberFormatException ignored) {
                // A malformed length is the HTTP layer's to reject.
            }
        }
        rc.next();
    }

    static boolean isMultipart(String contentType) {
        return contentType != null && contentType.regionMatches(true, 0, "multipart/form-data", 0, 19);
    }
}

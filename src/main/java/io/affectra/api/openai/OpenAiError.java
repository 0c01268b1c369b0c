package io.affectra.api.openai;

import io.affectra.error.ReportedError;

import io.vertx.core.http.HttpServerResponse;
import io.vertx.core.json.JsonObject;

/**
 * An error in OpenAI's shape, {@code {"error": {"message", "type", "param", "code"}}}, with the status code that makes
 * the OpenAI SDKs raise their usual exception (400 BadRequest, 401 Authentication, 404 NotFound, 429 RateLimit, ...).
 *
 * @param retryAfterSeconds sent as {@code retry-after} when positive (429, and 503 from a backend)
 */
public record OpenAiError(int status, String type, String code, String param, String message, long retryAfterSeconds) {

    public static final String INVALID_REQUEST = "invalid_request_error";
    public static final String AUTHENTICATION = "authentication_error";
    public static final String RATE_LIMIT = "rate_limit_error";
    public static final String SERVER = "server_error";

    /** A failure that decided its own status and code, in OpenAI's shape (codes in snake case, the type by status). */
    public static OpenAiError of(ReportedError e) {
        int status = e.status();
        String type = status == 401 || status == 403 ? AUTHENTICATION : status == 429 ? RATE_LIMIT : status >= 500 ? SERVER : INVALID_REQUEST;
        return new OpenAiError(status, type, e.code().replace('-', '_'), e.param(), e.getMessage(), 0);
    }

    public static OpenAiError invalid(String param, String code, String message) {
        return new OpenAiError(400, INVALID_REQUEST, code, param, message, 0);
    }

    public static OpenAiError unknownModel(String model) {
        return new OpenAiError(404, INVALID_REQUEST, "model_not_found", "model",
                "The model `" + model + "` does not exist or you do not have access to it. GET /v1/models lists the models.", 0);
    }

    public static OpenAiError tooLarge(String message) {
        return new OpenAiError(413, INVALID_REQUEST, "request_too_large", null, message, 0);
    }

    public static OpenAiError unauthorized(String code, String message) {
        return new OpenAiError(401, AUTHENTICATION, code, null, message, 0);
    }

    public static OpenAiError rateLimited(String code, String message, long retryAfterSeconds) {
        return new OpenAiError(429, RATE_LIMIT, code, null, message, Math.max(1, retryAfterSeconds));
    }

    public static OpenAiError internal(String errorId) {
        return new OpenAiError(500, SERVER, "internal_error", null,
                "The server failed; the operator can find error " + errorId + " in its log.", 0);
    }

    public static OpenAiError badGateway(String code, String message) {
        return new OpenAiError(502, SERVER, code, null, message, 0);
    }

    public static OpenAiError gatewayTimeout(String message) {
        return new OpenAiError(504, SERVER, "backend_timeout", null, message, 0);
    }

    public JsonObject json() {
        JsonObject error = new JsonObject()
                .put("message", message)
                .put("type", type)
                .put("param", param)
                .put("code", code);
        return new JsonObject().put("error", error);
    }

    /** The error as one SSE event, for a stream that already started (the SDKs raise on it). */
    public String sseEvent() {
        return "data: " + json().encode() + "\n\n";
    }

    /** Ends the response with this error, unless headers already went out (then the connection is closed). */
    public void send(HttpServerResponse response) {
        if (response.ended() || response.closed()) {
            return;
        }
        if (response.headWritten()) {
            response.end(sseEvent());
            return;
        }
        response.setStatusCode(status).putHeader("content-type", "application/json");
        if (retryAfterSeconds > 0) {
            response.putHeader("retry-after", Long.toString(retryAfterSeconds));
        }
        response.end(json().encode());
    }
}

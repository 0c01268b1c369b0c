package io.affectra.api.problem;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.affectra.encoder.EncoderException;
import io.affectra.error.ReportedError;
import io.affectra.prompt.PromptException;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import java.util.Map;
import java.util.UUID;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;
import io.affectra.api.RequestIdFilter;
import io.affectra.config.HttpLimitDefaults;
import io.affectra.api.openai.OpenAiPaths;
import io.vertx.core.http.HttpServerRequest;
import jakarta.ws.rs.core.MediaType;
import java.util.LinkedHashMap;

/** Every failure becomes problem+json with a stable type; no stack trace ever reaches a client. */
public class ProblemMappers {

    private static final Logger LOG = Logger.getLogger(ProblemMappers.class);

    /**
     * Every failure that decided its own status and code (media, requests, backends, strategies, datasets) is rendered,
     * never re-decided here; the chat route renders the same exceptions in OpenAI's shape. They arrive through
     * {@link #any}: a mapper is chosen by exception class, and these share an interface, not a class.
     */
    static Response render(ReportedError e) {
        if (e.status() >= 500) {
            LOG.warnf("%s: %s", e.code(), e.getMessage());
        }
        Map<String, Object> body = Problems.body(e.code(), e.status(), e.title(), e.getMessage());
        body.putAll(e.details());
        return Problems.response(body);
    }

    @ServerExceptionMapper
    public Response json(JsonProcessingException e) {
        return Problems.response("malformed-json", 400, "Malformed JSON", e.getOriginalMessage());
    }

    @ServerExceptionMapper
    public Response web(WebApplicationException e, HttpServerRequest request) {
        if (e instanceof NotFoundException && e.getCause() != null) {
            // JAX-RS answers a query or path parameter that does not convert to its type (k=abc for an int) with a 404
            // carrying the conversion failure; no route is missing, the request is wrong.
            return Problems.response("invalid-query", 400, "Invalid query", "A query or path parameter has a value of the wrong type"
                    + " (a number where a number is expected, one of the listed values where there is a list).");
        }
        int status = e.getResponse().getStatus();
        if ((status == 404 || status == 405) && OpenAiPaths.isOpenAi(request.path())) {
            // An OpenAI route Affectra does not serve (/v1/embeddings, /v1/completions): the SDKs read this shape.
            String message = status == 404
                    ? "Affectra does not serve " + request.method() + " " + request.path() + " (served: POST /v1/chat/completions, POST /v1/responses, GET and DELETE /v1/responses/{id}, GET /v1/models)."
                    : request.method() + " is not allowed on " + request.path() + ".";
            Map<String, Object> error = new LinkedHashMap<>();
            error.put("message", message);
            error.put("type", "invalid_request_error");
            error.put("param", null);
            error.put("code", status == 404 ? "unknown_url" : "method_not_allowed");
            return Response.status(status).type(MediaType.APPLICATION_JSON).entity(Map.of("error", error)).build();
        }
        if (status == 413) {
            // The multipart parser found a text field past its limit (quarkus.http.limits.max-form-attribute-size,
            // derived from the transcript limit): the rest of the body is not wanted.
            request.response().putHeader("Connection", "close");
            return Problems.response("request-too-large", 413, "Request too large", "A part of the upload passed its size"
                    + " limit as it arrived: a text field may hold as many characters as affectra.limits.max-transcript-chars"
                    + " allows, the whole body the media limit plus " + HttpLimitDefaults.MULTIPART_OVERHEAD / 1024 + " KiB.");
        }
        String slug = switch (status) {
            case 404 -> "not-found";
            case 405 -> "method-not-allowed";
            case 406 -> "not-acceptable";
            case 413 -> "request-too-large";
            case 415 -> "unsupported-content-type";
            default -> status < 500 ? "bad-request" : "internal-error";
        };
        return Problems.response(slug, status, Response.Status.fromStatusCode(status) == null
                ? "HTTP " + status : Response.Status.fromStatusCode(status).getReasonPhrase(), e.getMessage());
    }

    @ServerExceptionMapper
    public Response encoder(EncoderException e, HttpServerRequest request) {
        return internal(e, request);
    }

    @ServerExceptionMapper
    public Response prompt(PromptException e, HttpServerRequest request) {
        return internal(e, request);
    }

    /** The multipart parser met the end of the body before the closing boundary: cut short, or another boundary. */
    @ServerExceptionMapper
    public Response io(java.io.IOException e, HttpServerRequest request) {
        if (request.response().headWritten()) {
            // The transport refused a body without a Content-Length at the body limit as it arrived: it answered 413
            // and closed the connection itself, so there is nothing left to tell the client and nothing failed here.
            LOG.debugf("request %s refused mid-body: %s", RequestIdFilter.of(request.response()), e.getMessage());
            return Response.status(413).build();
        }
        if (MultipartFailure.isParserFailure(e)) {
            return Problems.response("malformed-multipart", 400, "Malformed multipart body", "The multipart body ended before"
                    + " its closing boundary: it was cut short, or its parts are delimited by another boundary than the"
                    + " Content-Type's. Send the form as an HTTP client builds it (curl -F, requests' files=, FormData).");
        }
        return internal(e, request);
    }

    @ServerExceptionMapper
    public Response any(Throwable e, HttpServerRequest request) {
        if (e instanceof ReportedError reported) {
            return render(reported);
        }
        return internal(e, request);
    }

    /** The error id is the request's {@code x-request-id}: the one id a client reports and the log holds. */
    private static Response internal(Throwable e, HttpServerRequest request) {
        String errorId = RequestIdFilter.of(request.response());
        LOG.errorf(e, "internal error %s on %s %s", errorId, request.method(), request.path());
        Map<String, Object> body = Problems.body("internal-error", 500, "Internal error",
                "The server failed; the operator can find error " + errorId + " in its log.");
        body.put("errorId", errorId);
        return Problems.response(body);
    }
}

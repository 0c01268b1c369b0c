package io.affectra.llm;

import io.affectra.error.ReportedError;
import java.util.Map;

/** A backend failed in a way the caller is told about (502/504), naming the backend. */
public class BackendException extends RuntimeException implements ReportedError {

    public enum Reason {
        /** Connection refused, DNS, 5xx: the backend is down or broken. */
        UNAVAILABLE,
        /** No reply within the backend's timeout. */
        TIMEOUT,
        /** It replied, but not with a valid answer, even after asking again. */
        INVALID_ANSWER,
        /** It refused the request (4xx other than rate limits), e.g. an unknown model or a bad key. */
        REJECTED
    }

    private final String backend;
    private final Reason reason;

    public BackendException(String backend, Reason reason, String message, Throwable cause) {
        super(message, cause);
        this.backend = backend;
        this.reason = reason;
    }

    public String backend() {
        return backend;
    }

    public Reason reason() {
        return reason;
    }

    /** A backend that does not answer in time is a gateway timeout; every other fault of it a bad gateway. */
    @Override
    public int status() {
        return reason == Reason.TIMEOUT ? 504 : 502;
    }

    @Override
    public String code() {
        return switch (reason) {
            case UNAVAILABLE -> "backend-unavailable";
            case TIMEOUT -> "backend-timeout";
            case INVALID_ANSWER -> "backend-invalid-answer";
            case REJECTED -> "backend-rejected";
        };
    }

    @Override
    public String title() {
        return "Backend '" + backend + "' failed";
    }

    @Override
    public Map<String, Object> details() {
        return Map.of("backend", backend);
    }
}

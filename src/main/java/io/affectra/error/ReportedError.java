package io.affectra.error;

import java.util.Map;

/**
 * A failure the client is told about, deciding once what it is: an HTTP status and a stable code (kebab case, e.g.
 * {@code backend-timeout}). Each surface only renders it in its own shape: problem+json with type
 * {@code urn:affectra:problem:<code>} on the Affectra routes, OpenAI's error with {@code code} in snake case on the chat
 * route. Implemented by the exceptions of every layer, so no surface keeps a table of its own.
 */
public interface ReportedError {

    int status();

    /** Stable, kebab case: what clients branch on. */
    String code();

    /** The human detail; says what to change, never internals. */
    String getMessage();

    /** A short summary for problem+json's {@code title}. */
    default String title() {
        return switch (status()) {
            case 404 -> "Not found";
            case 413 -> "Too large";
            case 502, 504 -> "Backend failed";
            default -> status() >= 500 ? "Server error" : "Invalid request";
        };
    }

    /** The request field at fault (OpenAI's {@code param}, e.g. {@code messages[0].content[1]}), if one is. */
    default String param() {
        return null;
    }

    /** Extra members of the problem (e.g. {@code backend}), in the order they are written. */
    default Map<String, Object> details() {
        return Map.of();
    }
}

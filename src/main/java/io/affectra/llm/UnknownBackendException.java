package io.affectra.llm;

import io.affectra.error.ReportedError;

import java.util.Collection;

/** A request named a backend that is not configured. */
public class UnknownBackendException extends RuntimeException implements ReportedError {

    private final String backend;

    public UnknownBackendException(String backend, Collection<String> known) {
        super("unknown backend '" + backend + "'; configured: " + String.join(", ", known));
        this.backend = backend;
    }

    public String backend() {
        return backend;
    }

    @Override
    public int status() {
        return 400;
    }

    @Override
    public String title() {
        return "Unknown backend";
    }


    @Override
    public String code() {
        return "unknown-backend";
    }

    @Override
    public java.util.Map<String, Object> details() {
        return java.util.Map.of("backend", backend);
    }
}

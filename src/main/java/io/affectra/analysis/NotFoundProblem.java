package io.affectra.analysis;

import io.affectra.error.ReportedError;

/** A requested resource does not exist: 404 with a stable type. */
public class NotFoundProblem extends RuntimeException implements ReportedError {

    private final String type;

    public NotFoundProblem(String type, String message) {
        super(message);
        this.type = type;
    }

    public String type() {
        return type;
    }

    @Override
    public int status() {
        return 404;
    }

    @Override
    public String title() {
        return "Not found";
    }

    @Override
    public String code() {
        return type;
    }
}

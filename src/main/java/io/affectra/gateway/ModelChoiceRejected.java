package io.affectra.gateway;

import io.affectra.error.ReportedError;

/** A request's choice of model, prompt variant or strategy cannot be served; says which field ({@code param}) and why. */
public class ModelChoiceRejected extends RuntimeException implements ReportedError {

    private final int status;
    private final String code;
    private final String param;

    public ModelChoiceRejected(int status, String code, String param, String message) {
        super(message, null, false, false);
        this.status = status;
        this.code = code;
        this.param = param;
    }

    @Override
    public int status() {
        return status;
    }

    @Override
    public String code() {
        return code;
    }

    @Override
    public String param() {
        return param;
    }
}

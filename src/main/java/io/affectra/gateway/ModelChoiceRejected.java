package io.affectra.gateway;

import io.affectra.error.RequestRejected;

/** A request's choice of model, prompt variant or strategy cannot be served; says which field ({@code param}) and why. */
public class ModelChoiceRejected extends RequestRejected {

    public ModelChoiceRejected(int status, String code, String param, String message) {
        super(status, code, param, message);
    }
}

package io.affectra.reasoning;

import io.affectra.error.ReportedError;

import java.util.Collection;

/** A request named a strategy that does not exist. */
public class UnknownStrategyException extends RuntimeException implements ReportedError {

    public UnknownStrategyException(String id, Collection<String> known) {
        super("unknown strategy '" + id + "'; available: " + String.join(", ", known));
    }

    @Override
    public int status() {
        return 400;
    }

    @Override
    public String title() {
        return "Unknown strategy";
    }


    @Override
    public String code() {
        return "unknown-strategy";
    }
}

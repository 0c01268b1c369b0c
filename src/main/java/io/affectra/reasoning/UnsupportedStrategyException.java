package io.affectra.reasoning;

import io.affectra.error.ReportedError;

/** A strategy was asked for something it does not do (e.g. a yes/no question of a strategy that only labels). */
public class UnsupportedStrategyException extends RuntimeException implements ReportedError {

    private final String strategy;

    public UnsupportedStrategyException(String strategy, String what) {
        super("strategy '" + strategy + "' does not answer " + what);
        this.strategy = strategy;
    }

    public String strategy() {
        return strategy;
    }

    @Override
    public int status() {
        return 400;
    }

    @Override
    public String title() {
        return "Unsupported strategy";
    }


    @Override
    public String code() {
        return "unsupported-strategy";
    }

    @Override
    public java.util.Map<String, Object> details() {
        return java.util.Map.of("strategy", strategy);
    }
}

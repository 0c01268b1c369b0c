package io.affectra.eval;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;

/**
 * A run is running (also after a crash, until it is resumed), completed, failed (a backend kept failing), or cancelled
 * (stopped on request; it can be resumed).
 */
public enum EvaluationStatus {
    RUNNING, COMPLETED, FAILED, CANCELLED;

    @JsonValue
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static EvaluationStatus of(String id) {
        return valueOf(id.toUpperCase(Locale.ROOT));
    }
}

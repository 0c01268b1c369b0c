package io.affectra.encoder.body.gesture;

/**
 * One sample's verdict under a rule: ON (the strict condition holds), HOLD (only the relaxed one: the
 * hysteresis band), OFF, or UNKNOWN (the keypoints it needs are not seen).
 */
enum Level {
    ON, HOLD, OFF, UNKNOWN;

    boolean active() {
        return this == ON || this == HOLD;
    }

    /** ON over HOLD over OFF over UNKNOWN, for picking the hand that meets a rule best. */
    int rank() {
        return switch (this) {
            case ON -> 3;
            case HOLD -> 2;
            case OFF -> 1;
            case UNKNOWN -> 0;
        };
    }
}

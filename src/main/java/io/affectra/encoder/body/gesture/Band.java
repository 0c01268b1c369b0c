package io.affectra.encoder.body.gesture;

/** A measure's ON threshold and its looser HOLD threshold (the hysteresis band). */
record Band(double on, double hold) {

    /** For a distance: ON at or below {@code on}, HOLD at or below {@code hold}. */
    Level atMost(double v) {
        return v <= on ? Level.ON : v <= hold ? Level.HOLD : Level.OFF;
    }

    /** For a speed or a rise: ON at or above {@code on}, HOLD at or above {@code hold}. */
    Level atLeast(double v) {
        return v >= on ? Level.ON : v >= hold ? Level.HOLD : Level.OFF;
    }
}

package io.affectra.encoder.body.gesture;

/** A closed interval of a body-frame coordinate, in shoulder widths. */
record Range(double lo, double hi) {

    boolean contains(double v) {
        return v >= lo && v <= hi;
    }
}

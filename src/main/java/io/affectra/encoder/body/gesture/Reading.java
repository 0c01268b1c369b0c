package io.affectra.encoder.body.gesture;

/** One sample's verdict, the rule's measure (e.g. a distance in shoulder widths) and what it concerns. */
record Reading(Level level, double value, double confidence, String detail) {

    static final Reading UNKNOWN = new Reading(Level.UNKNOWN, Double.NaN, 0, "");

    static Reading off(double value) {
        return new Reading(Level.OFF, value, 0, "");
    }

    /** Higher level wins; on a tie the smaller measure (a distance). */
    boolean closerThan(Reading other) {
        int a = level.rank();
        int b = other.level.rank();
        return a != b ? a > b : value < other.value;
    }

    /** Higher level wins; on a tie the larger measure (a speed). */
    boolean fasterThan(Reading other) {
        int a = level.rank();
        int b = other.level.rank();
        return a != b ? a > b : value > other.value;
    }
}

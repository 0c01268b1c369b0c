package io.affectra.encoder.body.gesture;

import java.math.BigDecimal;
import java.util.Locale;

/** Formatting of thresholds inside rule text, so the text is rendered from the numbers the rules use. */
final class Prose {

    private Prose() {
    }

    static String format(String template, Object... args) {
        return String.format(Locale.ROOT, template, args);
    }

    /** A number with as many decimals as it has: 0.3, 0.55, 2. */
    static String num(double v) {
        return BigDecimal.valueOf(v).stripTrailingZeros().toPlainString();
    }

    /** A span in seconds with as many decimals as it has: 250 ms is 0.25. */
    static String seconds(long ms) {
        return BigDecimal.valueOf(ms, 3).stripTrailingZeros().toPlainString();
    }

    /** A minimum duration as the rules state it: whole seconds as "1 s", else "400 ms". */
    static String duration(long ms) {
        return ms % 1000 == 0 ? ms / 1000 + " s" : ms + " ms";
    }

    /** A share as a percentage: 0.9 is 90%. */
    static String percent(double share) {
        return Math.round(100 * share) + "%";
    }
}

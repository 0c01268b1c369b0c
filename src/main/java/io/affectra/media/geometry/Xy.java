package io.affectra.media.geometry;

import com.fasterxml.jackson.annotation.JsonFormat;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;

/**
 * A drawn point as responses carry it: {@code [x, y]} in source image pixels, to a tenth of a pixel. An array rather
 * than an object because a response holds hundreds of them (21 per hand) and nothing else about a point.
 */
@JsonFormat(shape = JsonFormat.Shape.ARRAY)
@JsonPropertyOrder({"x", "y"})
public record Xy(double x, double y) {

    /** {@code (x, y)}, rounded to a tenth of a pixel. */
    public static Xy of(double x, double y) {
        return scaled(x, y, 1);
    }

    /** {@code (x, y) * scale}, rounded to a tenth of a pixel. */
    public static Xy scaled(double x, double y, double scale) {
        return new Xy(Math.round(x * scale * 10) / 10.0, Math.round(y * scale * 10) / 10.0);
    }
}

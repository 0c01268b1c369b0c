package io.affectra.media.geometry;

import io.affectra.media.RgbImage;

/**
 * A square window of an image, possibly reaching outside it (outside is black), optionally turned by
 * {@code angle} radians about its centre: the window's "up" is the image direction (sin a, -cos a), so
 * angle 0 is upright and a positive angle turns the window clockwise in image coordinates.
 */
public record ImageWindow(RgbImage image, double centerX, double centerY, double side, double angle) {

    /** The whole image as a centred square with black borders (letterbox). */
    public static ImageWindow letterbox(RgbImage image) {
        double side = Math.max(image.width(), image.height());
        return new ImageWindow(image, image.width() / 2.0, image.height() / 2.0, side, 0);
    }

    /** Maps a point of the window given in [0, size) model-input pixels back to image pixels. */
    public double[] toImage(double u, double v, int size) {
        double lu = (u / size - 0.5) * side;
        double lv = (v / size - 0.5) * side;
        double cos = Math.cos(angle);
        double sin = Math.sin(angle);
        return new double[] {centerX + lu * cos - lv * sin, centerY + lu * sin + lv * cos};
    }
}

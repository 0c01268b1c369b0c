/**
 * Bilinear crop-and-resize of a square or box of the image into an NHWC model input, pixels outside the image black,
 * pixel centres at +0.5: the same arithmetic as Affectra's ImageSampler (upright boxes), so every model sees the
 * same values. Writes into the caller's array: nothing is allocated per call.
 */
final class Sampler {

    private Sampler() {
    }

    /** RGB, each channel {@code value * scale + offset} with value in 0..255. */
    static void rgb(Bgr img, double x0, double y0, double x1, double y1, int outW, int outH, float scale, float offset, float[] out) {
        sample(img, x0, y0, x1, y1, outW, outH, out, false, scale, offset);
    }

    /** ITU-R 601 gray in 0..1, then {@code gray * scale + offset}. */
    static void gray(Bgr img, double x0, double y0, double x1, double y1, int outW, int outH, float scale, float offset, float[] out) {
        sample(img, x0, y0, x1, y1, outW, outH, out, true, scale, offset);
    }

    private static void sample(Bgr img, double x0, double y0, double x1, double y1, int outW, int outH, float[] out, boolean gray,
            float scale, float offset) {
        int w = img.width();
        int h = img.height();
        byte[] px = img.pixels();
        double sx = (x1 - x0) / outW;
        double sy = (y1 - y0) / outH;
        for (int oy = 0; oy < outH; oy++) {
            double fy = y0 + (oy + 0.5) * sy - 0.5;
            for (int ox = 0; ox < outW; ox++) {
                int i = oy * outW + ox;
                double fx = x0 + (ox + 0.5) * sx - 0.5;
                float r = 0;
                float g = 0;
                float b = 0;
                if (fx >= -0.5 && fx <= w - 0.5 && fy >= -0.5 && fy <= h - 0.5) {
                    int ix = (int) Math.floor(fx);
                    int iy = (int) Math.floor(fy);
                    float wx = (float) (fx - ix);
                    float wy = (float) (fy - iy);
                    int xa = clamp(ix, w) * 3;
                    int xb = clamp(ix + 1, w) * 3;
                    int ya = clamp(iy, h) * w * 3;
                    int yb = clamp(iy + 1, h) * w * 3;
                    b = lerp(px[ya + xa], px[ya + xb], px[yb + xa], px[yb + xb], wx, wy);
                    g = lerp(px[ya + xa + 1], px[ya + xb + 1], px[yb + xa + 1], px[yb + xb + 1], wx, wy);
                    r = lerp(px[ya + xa + 2], px[ya + xb + 2], px[yb + xa + 2], px[yb + xb + 2], wx, wy);
                }
                if (gray) {
                    out[i] = (0.2989f * r + 0.587f * g + 0.114f * b) / 255f * scale + offset;
                } else {
                    out[i * 3] = r * scale + offset;
                    out[i * 3 + 1] = g * scale + offset;
                    out[i * 3 + 2] = b * scale + offset;
                }
            }
        }
    }

    private static int clamp(int i, int size) {
        return i < 0 ? 0 : (i >= size ? size - 1 : i);
    }

    private static float lerp(byte a, byte b, byte c, byte d, float wx, float wy) {
        float top = (a & 0xFF) * (1 - wx) + (b & 0xFF) * wx;
        float bottom = (c & 0xFF) * (1 - wx) + (d & 0xFF) * wx;
        return top * (1 - wy) + bottom * wy;
    }
}

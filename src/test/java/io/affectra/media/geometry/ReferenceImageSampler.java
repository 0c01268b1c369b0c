package io.affectra.media.geometry;

import io.affectra.media.RgbImage;

/**
 * The sampling arithmetic of {@link ImageSampler} as it was written first, one pixel at a time with the source
 * position, bounds test and clamps worked out for every output pixel: the reference the faster sampler must match
 * float for float, and the "before" of bench/SamplerBench.java. Public for that benchmark; not used by the server.
 */
public final class ReferenceImageSampler {

    private ReferenceImageSampler() {
    }

    /** RGB of the box (x0, y0)-(x1, y1), each channel mapped as {@code value * scale + offset} (value in 0..255). */
    public static float[] rgb(RgbImage img, double x0, double y0, double x1, double y1, int outW, int outH,
            float scale, float offset) {
        return rgb(img, box(x0, y0, x1, y1, outW, outH), outW, outH, scale, offset);
    }

    /** RGB of the window as {@code size x size}; an upright window samples exactly as the same box would. */
    public static float[] rgb(ImageWindow w, int size, float scale, float offset) {
        double half = w.side() / 2;
        SourceMap map = w.angle() == 0
                ? box(w.centerX() - half, w.centerY() - half, w.centerX() + half, w.centerY() + half, size, size)
                : turned(w, size);
        return rgb(w.image(), map, size, size, scale, offset);
    }

    /** Grayscale with the ITU-R 601 weights the models were trained with, mapped as {@code gray01 * scale + offset}. */
    public static float[] gray(RgbImage img, double x0, double y0, double x1, double y1, int outW, int outH,
            float scale, float offset) {
        float[] out = new float[outW * outH];
        sample(img, box(x0, y0, x1, y1, outW, outH), outW, outH, out, true, scale, offset);
        return out;
    }

    private static float[] rgb(RgbImage img, SourceMap map, int outW, int outH, float scale, float offset) {
        float[] out = new float[outW * outH * 3];
        sample(img, map, outW, outH, out, false, scale, offset);
        return out;
    }

    /**
     * Where the centre of output pixel (ox, oy) falls in the image, with image pixel centres at whole numbers: a box
     * (scaled axes) or a turned square. A plain record read in the loop, not an interface: the sampling loop runs for
     * every pixel of every model input, and a call through an interface there cost the face stages 10-20 %.
     */
    private record SourceMap(boolean turned, double x0, double y0, double sx, double sy,
            double centerX, double centerY, double step, double half, double cos, double sin) {

        double x(int ox, int oy) {
            return turned ? centerX + u(ox) * cos - v(oy) * sin - 0.5 : x0 + (ox + 0.5) * sx - 0.5;
        }

        double y(int ox, int oy) {
            return turned ? centerY + u(ox) * sin + v(oy) * cos - 0.5 : y0 + (oy + 0.5) * sy - 0.5;
        }

        private double u(int ox) {
            return (ox + 0.5) * step - half;
        }

        private double v(int oy) {
            return (oy + 0.5) * step - half;
        }
    }

    private static SourceMap box(double x0, double y0, double x1, double y1, int outW, int outH) {
        return new SourceMap(false, x0, y0, (x1 - x0) / outW, (y1 - y0) / outH, 0, 0, 0, 0, 0, 0);
    }

    private static SourceMap turned(ImageWindow w, int size) {
        return new SourceMap(true, 0, 0, 0, 0, w.centerX(), w.centerY(), w.side() / size, w.side() / 2,
                Math.cos(w.angle()), Math.sin(w.angle()));
    }

    /** Samples into {@code out}: three channels per pixel, or one (ITU-R 601 gray in 0..1) when {@code gray}. */
    private static void sample(RgbImage img, SourceMap map, int outW, int outH, float[] out, boolean gray, float scale, float offset) {
        int w = img.width();
        int h = img.height();
        int[] px = img.pixels();
        for (int oy = 0; oy < outH; oy++) {
            for (int ox = 0; ox < outW; ox++) {
                int i = oy * outW + ox;
                double fx = map.x(ox, oy);
                double fy = map.y(ox, oy);
                float r = 0;
                float g = 0;
                float b = 0;
                if (fx >= -0.5 && fx <= w - 0.5 && fy >= -0.5 && fy <= h - 0.5) {
                    int ix = (int) Math.floor(fx);
                    int iy = (int) Math.floor(fy);
                    float wx = (float) (fx - ix);
                    float wy = (float) (fy - iy);
                    int x0i = clamp(ix, w);
                    int x1i = clamp(ix + 1, w);
                    int y0i = clamp(iy, h);
                    int y1i = clamp(iy + 1, h);
                    int c00 = px[y0i * w + x0i];
                    int c10 = px[y0i * w + x1i];
                    int c01 = px[y1i * w + x0i];
                    int c11 = px[y1i * w + x1i];
                    r = lerp(c00 >> 16, c10 >> 16, c01 >> 16, c11 >> 16, wx, wy);
                    g = lerp(c00 >> 8, c10 >> 8, c01 >> 8, c11 >> 8, wx, wy);
                    b = lerp(c00, c10, c01, c11, wx, wy);
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

    private static float lerp(int a, int b, int c, int d, float wx, float wy) {
        float top = (a & 0xFF) * (1 - wx) + (b & 0xFF) * wx;
        float bottom = (c & 0xFF) * (1 - wx) + (d & 0xFF) * wx;
        return top * (1 - wy) + bottom * wy;
    }
}

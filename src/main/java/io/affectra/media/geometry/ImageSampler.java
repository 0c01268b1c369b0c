package io.affectra.media.geometry;

import io.affectra.media.RgbImage;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.FloatBuffer;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;

/**
 * Crops a (possibly out-of-bounds) box or turned square of an image and resizes it bilinearly into a model
 * input tensor, in NHWC order. Pixels outside the image are black, which letterboxes for free. Pixel centres
 * lie at +0.5. All model preprocessing goes through here, so every encoder samples pixels the same way.
 *
 * <p>A box's source position along x depends only on the output column and along y only on the output row, so the
 * two source pixels and weights of each column and of each row are worked out once per call ({@link Taps}); the
 * inner loop then only blends. Every float is computed by the same expressions, in the same order, as sampling one
 * pixel at a time would, so the output is the same to the bit (the tests hold it to a per-pixel reference). The
 * translators take the {@code *Direct} forms, which ONNX Runtime uses as tensor memory without a copy.
 */
public final class ImageSampler {

    private ImageSampler() {
    }

    /** RGB of the box (x0, y0)-(x1, y1), each channel mapped as {@code value * scale + offset} (value in 0..255). */
    public static float[] rgb(RgbImage img, double x0, double y0, double x1, double y1, int outW, int outH,
            float scale, float offset) {
        float[] out = new float[outW * outH * 3];
        box(img, x0, y0, x1, y1, outW, outH, FloatBuffer.wrap(out), false, scale, offset);
        return out;
    }

    /** RGB of the window as {@code size x size}; an upright window samples exactly as the same box would. */
    public static float[] rgb(ImageWindow w, int size, float scale, float offset) {
        float[] out = new float[size * size * 3];
        window(w, size, FloatBuffer.wrap(out), scale, offset);
        return out;
    }

    /** Grayscale with the ITU-R 601 weights the models were trained with, mapped as {@code gray01 * scale + offset}. */
    public static float[] gray(RgbImage img, double x0, double y0, double x1, double y1, int outW, int outH,
            float scale, float offset) {
        float[] out = new float[outW * outH];
        box(img, x0, y0, x1, y1, outW, outH, FloatBuffer.wrap(out), true, scale, offset);
        return out;
    }

    /**
     * {@link #rgb(RgbImage, double, double, double, double, int, int, float, float)} into this thread's direct buffer
     * for that size, in native byte order, valid until the thread samples that size again: ONNX Runtime takes such a
     * buffer as the tensor's memory, where it would copy a float array into a new one first, so a model input costs no
     * heap array (often a humongous one) and no copy.
     */
    public static FloatBuffer rgbDirect(RgbImage img, double x0, double y0, double x1, double y1, int outW, int outH,
            float scale, float offset) {
        FloatBuffer out = direct(outW * outH * 3);
        box(img, x0, y0, x1, y1, outW, outH, out, false, scale, offset);
        return out;
    }

    /** {@link #rgb(ImageWindow, int, float, float)} into this thread's direct buffer (see {@link #rgbDirect(RgbImage, double, double, double, double, int, int, float, float)}). */
    public static FloatBuffer rgbDirect(ImageWindow w, int size, float scale, float offset) {
        FloatBuffer out = direct(size * size * 3);
        window(w, size, out, scale, offset);
        return out;
    }

    /** {@link #gray} into this thread's direct buffer (see {@link #rgbDirect(RgbImage, double, double, double, double, int, int, float, float)}). */
    public static FloatBuffer grayDirect(RgbImage img, double x0, double y0, double x1, double y1, int outW, int outH,
            float scale, float offset) {
        FloatBuffer out = direct(outW * outH);
        box(img, x0, y0, x1, y1, outW, outH, out, true, scale, offset);
        return out;
    }

    /**
     * Tensor memory of this thread for inputs of this size, reused: a model input lives only for its model call, which
     * runs on the thread that sampled it, and a new direct buffer per call was given back only by a garbage collection,
     * so native memory grew over a long video while the heap stayed flat. A thread holds one buffer per input size
     * (about ten sizes across the shipped models, about 4 MB in all), whatever it is sampled into next overwrites all of it.
     */
    private static final ThreadLocal<Map<Integer, FloatBuffer>> TENSOR_MEMORY = ThreadLocal.withInitial(HashMap::new);

    private static FloatBuffer direct(int floats) {
        return TENSOR_MEMORY.get()
                .computeIfAbsent(floats, n -> ByteBuffer.allocateDirect(n * Float.BYTES).order(ByteOrder.nativeOrder()).asFloatBuffer())
                .clear();
    }

    private static void window(ImageWindow w, int size, FloatBuffer out, float scale, float offset) {
        if (w.angle() == 0) {
            double half = w.side() / 2;
            box(w.image(), w.centerX() - half, w.centerY() - half, w.centerX() + half, w.centerY() + half,
                    size, size, out, false, scale, offset);
        } else {
            turned(w, size, out, scale, offset);
        }
    }

    /**
     * Where output rows are written: straight into the array behind a heap buffer, or into one row's scratch array
     * that is then copied into a direct buffer (a bulk copy per row; element puts into a direct buffer cost more).
     */
    private static final class Rows {
        private final FloatBuffer out;
        private final int rowLength;
        private final boolean inPlace;
        final float[] array;

        Rows(FloatBuffer out, int rowLength) {
            this.out = out;
            this.rowLength = rowLength;
            this.inPlace = out.hasArray();
            this.array = inPlace ? out.array() : new float[rowLength];
        }

        /** Where row {@code y} starts in {@link #array}. */
        int start(int y) {
            return inPlace ? out.arrayOffset() + y * rowLength : 0;
        }

        /** Row {@code y} is written. */
        void done(int y) {
            if (!inPlace) {
                out.put(y * rowLength, array, 0, rowLength);
            }
        }
    }

    /**
     * For each output pixel along one axis of a box: the two source pixels it blends ({@code index0}, {@code index1},
     * already multiplied by the axis stride, so a row's are offsets into the pixel array) and their weights. Only the
     * outputs in [first, end) fall inside the image; the source position grows (or shrinks) steadily with the
     * output index, so those that fall inside are one run and the rest are black border.
     */
    private record Taps(int first, int end, int[] index0, int[] index1, float[] weight0, float[] weight1) {

        /** Output i's centre at {@code start + (i + 0.5) * step} on an axis of {@code size} source pixels. */
        static Taps of(double start, double step, int count, int size, int stride) {
            int[] index0 = new int[count];
            int[] index1 = new int[count];
            float[] weight0 = new float[count];
            float[] weight1 = new float[count];
            int first = count;
            int end = 0;
            for (int o = 0; o < count; o++) {
                double f = start + (o + 0.5) * step - 0.5;
                if (f >= -0.5 && f <= size - 0.5) {
                    first = Math.min(first, o);
                    end = o + 1;
                    int i = (int) Math.floor(f);
                    float w = (float) (f - i);
                    index0[o] = clamp(i, size) * stride;
                    index1[o] = clamp(i + 1, size) * stride;
                    weight0[o] = 1 - w;
                    weight1[o] = w;
                }
            }
            return new Taps(Math.min(first, end), end, index0, index1, weight0, weight1);
        }
    }

    private static void box(RgbImage img, double x0, double y0, double x1, double y1, int outW, int outH,
            FloatBuffer target, boolean gray, float scale, float offset) {
        int w = img.width();
        int[] px = img.pixels();
        Taps cols = Taps.of(x0, (x1 - x0) / outW, outW, w, 1);
        Taps rows = Taps.of(y0, (y1 - y0) / outH, outH, img.height(), w);
        int channels = gray ? 1 : 3;
        int rowLength = outW * channels;
        float black = gray ? gray(0, 0, 0, scale, offset) : channel(0, scale, offset);
        Rows output = new Rows(target, rowLength);
        float[] out = output.array;
        for (int oy = 0; oy < outH; oy++) {
            int o = output.start(oy);
            if (oy < rows.first() || oy >= rows.end()) {
                Arrays.fill(out, o, o + rowLength, black);
                output.done(oy);
                continue;
            }
            Arrays.fill(out, o, o + cols.first() * channels, black);
            int r0 = rows.index0()[oy];
            int r1 = rows.index1()[oy];
            float wy0 = rows.weight0()[oy];
            float wy1 = rows.weight1()[oy];
            if (gray) {
                grayRow(px, r0, r1, wy0, wy1, cols, out, o + cols.first(), scale, offset);
            } else {
                rgbRow(px, r0, r1, wy0, wy1, cols, out, o + cols.first() * 3, scale, offset);
            }
            Arrays.fill(out, o + cols.end() * channels, o + rowLength, black);
            output.done(oy);
        }
    }

    private static void rgbRow(int[] px, int r0, int r1, float wy0, float wy1, Taps cols, float[] out, int o,
            float scale, float offset) {
        int[] c0 = cols.index0();
        int[] c1 = cols.index1();
        float[] wx0 = cols.weight0();
        float[] wx1 = cols.weight1();
        for (int ox = cols.first(); ox < cols.end(); ox++) {
            int a = c0[ox];
            int b = c1[ox];
            rgbPixel(px[r0 + a], px[r0 + b], px[r1 + a], px[r1 + b], wx0[ox], wx1[ox], wy0, wy1, out, o, scale, offset);
            o += 3;
        }
    }

    private static void grayRow(int[] px, int r0, int r1, float wy0, float wy1, Taps cols, float[] out, int o,
            float scale, float offset) {
        int[] c0 = cols.index0();
        int[] c1 = cols.index1();
        float[] wx0 = cols.weight0();
        float[] wx1 = cols.weight1();
        for (int ox = cols.first(); ox < cols.end(); ox++) {
            int a = c0[ox];
            int b = c1[ox];
            int c00 = px[r0 + a];
            int c10 = px[r0 + b];
            int c01 = px[r1 + a];
            int c11 = px[r1 + b];
            float x0 = wx0[ox];
            float x1 = wx1[ox];
            out[o++] = gray(lerp(c00 >> 16, c10 >> 16, c01 >> 16, c11 >> 16, x0, x1, wy0, wy1),
                    lerp(c00 >> 8, c10 >> 8, c01 >> 8, c11 >> 8, x0, x1, wy0, wy1),
                    lerp(c00, c10, c01, c11, x0, x1, wy0, wy1), scale, offset);
        }
    }

    /**
     * A turned square: the source position depends on both the column and the row, so it is found per pixel, but
     * the column's and the row's shares of it are worked out once.
     */
    private static void turned(ImageWindow win, int size, FloatBuffer target, float scale, float offset) {
        int w = win.image().width();
        int h = win.image().height();
        int[] px = win.image().pixels();
        double step = win.side() / size;
        double half = win.side() / 2;
        double cos = Math.cos(win.angle());
        double sin = Math.sin(win.angle());
        double[] colX = new double[size];
        double[] colY = new double[size];
        for (int ox = 0; ox < size; ox++) {
            double u = (ox + 0.5) * step - half;
            colX[ox] = win.centerX() + u * cos;
            colY[ox] = win.centerY() + u * sin;
        }
        float black = channel(0, scale, offset);
        Rows output = new Rows(target, size * 3);
        float[] out = output.array;
        for (int oy = 0; oy < size; oy++) {
            int o = output.start(oy);
            double v = (oy + 0.5) * step - half;
            double vSin = v * sin;
            double vCos = v * cos;
            for (int ox = 0; ox < size; ox++, o += 3) {
                double fx = colX[ox] - vSin - 0.5;
                double fy = colY[ox] + vCos - 0.5;
                if (!(fx >= -0.5 && fx <= w - 0.5 && fy >= -0.5 && fy <= h - 0.5)) {
                    out[o] = black;
                    out[o + 1] = black;
                    out[o + 2] = black;
                    continue;
                }
                int ix = (int) Math.floor(fx);
                int iy = (int) Math.floor(fy);
                float wx = (float) (fx - ix);
                float wy = (float) (fy - iy);
                int a = clamp(ix, w);
                int b = clamp(ix + 1, w);
                int r0 = clamp(iy, h) * w;
                int r1 = clamp(iy + 1, h) * w;
                rgbPixel(px[r0 + a], px[r0 + b], px[r1 + a], px[r1 + b], 1 - wx, wx, 1 - wy, wy, out, o, scale, offset);
            }
            output.done(oy);
        }
    }

    private static void rgbPixel(int c00, int c10, int c01, int c11, float wx0, float wx1, float wy0, float wy1,
            float[] out, int o, float scale, float offset) {
        out[o] = channel(lerp(c00 >> 16, c10 >> 16, c01 >> 16, c11 >> 16, wx0, wx1, wy0, wy1), scale, offset);
        out[o + 1] = channel(lerp(c00 >> 8, c10 >> 8, c01 >> 8, c11 >> 8, wx0, wx1, wy0, wy1), scale, offset);
        out[o + 2] = channel(lerp(c00, c10, c01, c11, wx0, wx1, wy0, wy1), scale, offset);
    }

    private static float channel(float value, float scale, float offset) {
        return value * scale + offset;
    }

    private static float gray(float r, float g, float b, float scale, float offset) {
        return (0.2989f * r + 0.587f * g + 0.114f * b) / 255f * scale + offset;
    }

    private static int clamp(int i, int size) {
        return i < 0 ? 0 : (i >= size ? size - 1 : i);
    }

    /** Bilinear blend of the low bytes of the four pixels; {@code wx0 = 1 - wx1}, {@code wy0 = 1 - wy1}. */
    private static float lerp(int a, int b, int c, int d, float wx0, float wx1, float wy0, float wy1) {
        float top = (a & 0xFF) * wx0 + (b & 0xFF) * wx1;
        float bottom = (c & 0xFF) * wx0 + (d & 0xFF) * wx1;
        return top * wy0 + bottom * wy1;
    }
}

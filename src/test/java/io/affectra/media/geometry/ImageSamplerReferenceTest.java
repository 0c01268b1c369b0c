package io.affectra.media.geometry;

import static org.assertj.core.api.Assertions.assertThat;

import io.affectra.media.RgbImage;
import io.affectra.testing.TestMedia;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteOrder;
import java.nio.FloatBuffer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The sampler against the per-pixel reference arithmetic on the test photographs: every float must be the same to the
 * bit (the faster sampler evaluates the same float and double expressions in the same order, so no rounding differs).
 */
class ImageSamplerReferenceTest {

    /** The value mappings the encoders use: BlazeFace and PoseNet, FaceMesh and hands, mini-Xception, FaceExpressionNet, thumbnails. */
    private static final float[][] MAPPINGS = {{1f / 127.5f, -1f}, {1f / 255f, 0f}, {2f, -1f}, {1f, 0f}, {255f, 0f}};

    private static final List<String> PHOTOS = List.of("sample1.jpg", "sample2.jpg", "sample3.jpg");

    static Stream<Arguments> photos() {
        return PHOTOS.stream().map(name -> Arguments.of(name, decode(name)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("photos")
    void theLetterboxOfTheWholePhotographIsTheSame(String name, RgbImage img) {
        ImageWindow letterbox = ImageWindow.letterbox(img);
        for (int size : new int[] {385, 256, 128, 7}) {
            for (float[] m : MAPPINGS) {
                float[] expected = ReferenceImageSampler.rgb(letterbox, size, m[0], m[1]);
                assertSameBits(ImageSampler.rgb(letterbox, size, m[0], m[1]), expected, name + " letterbox " + size);
                assertSameBits(ImageSampler.rgbDirect(letterbox, size, m[0], m[1]), expected, name + " letterbox " + size + " direct");
            }
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("photos")
    void boxesInsideAcrossAndPastTheEdgesAreTheSameInRgbAndGray(String name, RgbImage img) {
        int w = img.width();
        int h = img.height();
        List<double[]> boxes = new ArrayList<>(List.of(
                new double[] {0, 0, w, h},
                new double[] {-37.25, -80.5, 233.75, 190.5},            // over the top-left corner
                new double[] {w - 150.3, h - 99.9, w + 83.1, h + 133.3}, // over the bottom-right corner
                new double[] {-50, h / 3.0, w + 50, h / 3.0 + 40},      // wider than the image
                new double[] {w + 10, h + 10, w + 300, h + 300},        // wholly outside
                new double[] {-400, -400, -10, -10},
                new double[] {w / 2.0, h / 2.0, w / 2.0 + 9.6, h / 2.0 + 9.6}, // a few pixels blown up
                new double[] {0.3, 0.7, 0.9, 1.1},                      // under one pixel
                new double[] {w * 0.9, h * 0.1, w * 0.1, h * 0.9}));    // turned round: x1 < x0, y1 < y0
        Random random = new Random(20261203L);
        for (int i = 0; i < 25; i++) {
            double side = 4 + random.nextDouble() * Math.max(w, h) * 0.6;
            double x0 = -side / 2 + random.nextDouble() * (w + side / 2);
            double y0 = -side / 2 + random.nextDouble() * (h + side / 2);
            boxes.add(new double[] {x0, y0, x0 + side, y0 + side * (0.5 + random.nextDouble())});
        }
        int[][] sizes = {{192, 192}, {112, 112}, {64, 64}, {32, 18}, {1, 1}, {5, 3}, {224, 224}};
        for (double[] b : boxes) {
            for (int[] size : sizes) {
                for (float[] m : MAPPINGS) {
                    String what = name + " box " + Arrays.toString(b) + " -> " + size[0] + "x" + size[1];
                    float[] rgb = ReferenceImageSampler.rgb(img, b[0], b[1], b[2], b[3], size[0], size[1], m[0], m[1]);
                    assertSameBits(ImageSampler.rgb(img, b[0], b[1], b[2], b[3], size[0], size[1], m[0], m[1]), rgb, what + " rgb");
                    assertSameBits(ImageSampler.rgbDirect(img, b[0], b[1], b[2], b[3], size[0], size[1], m[0], m[1]), rgb,
                            what + " rgb direct");
                    float[] gray = ReferenceImageSampler.gray(img, b[0], b[1], b[2], b[3], size[0], size[1], m[0], m[1]);
                    assertSameBits(ImageSampler.gray(img, b[0], b[1], b[2], b[3], size[0], size[1], m[0], m[1]), gray, what + " gray");
                    assertSameBits(ImageSampler.grayDirect(img, b[0], b[1], b[2], b[3], size[0], size[1], m[0], m[1]), gray,
                            what + " gray direct");
                }
            }
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("photos")
    void turnedWindowsInsideAndPastTheEdgesAreTheSame(String name, RgbImage img) {
        int w = img.width();
        int h = img.height();
        List<ImageWindow> windows = new ArrayList<>(List.of(
                new ImageWindow(img, w / 2.0, h / 2.0, 300, Math.PI / 2),
                new ImageWindow(img, 10, 12, 180.5, -0.7),              // over the top-left corner
                new ImageWindow(img, w - 5, h - 30, 260, 2.9),
                new ImageWindow(img, w / 2.0, h / 2.0, Math.max(w, h) * 1.5, 0.3), // larger than the image
                new ImageWindow(img, -500, -500, 100, 1.0)));           // wholly outside
        Random random = new Random(42L);
        for (int i = 0; i < 30; i++) {
            windows.add(new ImageWindow(img, random.nextDouble() * w, random.nextDouble() * h,
                    8 + random.nextDouble() * 400, (random.nextDouble() * 2 - 1) * Math.PI));
        }
        for (ImageWindow win : windows) {
            for (int size : new int[] {224, 96, 3}) {
                for (float[] m : MAPPINGS) {
                    String what = name + " " + win.centerX() + "," + win.centerY() + " side " + win.side() + " angle "
                            + win.angle() + " -> " + size;
                    float[] expected = ReferenceImageSampler.rgb(win, size, m[0], m[1]);
                    assertSameBits(ImageSampler.rgb(win, size, m[0], m[1]), expected, what);
                    assertSameBits(ImageSampler.rgbDirect(win, size, m[0], m[1]), expected, what + " direct");
                }
            }
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("photos")
    void theSamplesAreThePhotographsPixelsNotBorder(String name, RgbImage img) {
        // A one-to-one box at whole pixels copies pixels: a check on the reference as much as on the sampler.
        float[] out = ImageSampler.rgb(img, 100, 50, 104, 53, 4, 3, 1f, 0f);
        int p = img.rgb(102, 51);
        int o = (1 * 4 + 2) * 3;
        assertThat(new float[] {out[o], out[o + 1], out[o + 2]})
                .containsExactly((p >> 16) & 0xFF, (p >> 8) & 0xFF, p & 0xFF);
    }

    @Test
    void aThreadReusesItsTensorMemoryPerSizeAndEachSampleOverwritesAllOfIt() throws InterruptedException {
        RgbImage img = decode("sample2.jpg");
        FloatBuffer first = ImageSampler.rgbDirect(img, 0, 0, img.width() / 2.0, img.height() / 2.0, 64, 64, 1f, 0f);
        float[] firstFloats = new float[first.remaining()];
        first.get(0, firstFloats);
        // A crop half outside the image: its black border lands where the first crop had pixels.
        FloatBuffer second = ImageSampler.rgbDirect(img, -img.width() / 2.0, 10, img.width() / 4.0, 200, 64, 64, 1f, 0f);
        assertThat(second).isSameAs(first);
        assertSameBits(second, ReferenceImageSampler.rgb(img, -img.width() / 2.0, 10, img.width() / 4.0, 200, 64, 64, 1f, 0f),
                "second crop into reused memory");
        assertThat(firstFloats).isNotEqualTo(ReferenceImageSampler.rgb(img, -img.width() / 2.0, 10, img.width() / 4.0, 200, 64, 64, 1f, 0f));
        // Another size has memory of its own.
        assertThat(ImageSampler.rgbDirect(img, 0, 0, 10, 10, 32, 32, 1f, 0f)).isNotSameAs(first);
        Thread other = new Thread(() -> assertThat(ImageSampler.rgbDirect(img, 0, 0, 10, 10, 64, 64, 1f, 0f)).isNotSameAs(first));
        other.start();
        other.join();
    }

    /** A direct buffer in native order, exactly the tensor's size, and the same floats. */
    private static void assertSameBits(FloatBuffer actual, float[] expected, String what) {
        assertThat(actual.isDirect()).as(what + " is direct").isTrue();
        assertThat(actual.order()).as(what + " byte order").isEqualTo(ByteOrder.nativeOrder());
        assertThat(actual.position()).as(what + " position").isZero();
        assertThat(actual.remaining()).as(what + " floats").isEqualTo(expected.length);
        float[] floats = new float[actual.remaining()];
        actual.get(0, floats);
        assertSameBits(floats, expected, what);
    }

    private static void assertSameBits(float[] actual, float[] expected, String what) {
        assertThat(actual).as(what).hasSameSizeAs(expected);
        for (int i = 0; i < expected.length; i++) {
            if (Float.floatToRawIntBits(actual[i]) != Float.floatToRawIntBits(expected[i])) {
                assertThat(actual[i]).as(what + " at float " + i).isEqualTo(expected[i]);
                throw new AssertionError(what + " at float " + i + ": " + actual[i] + " and " + expected[i] + " differ in sign of zero");
            }
        }
    }

    private static RgbImage decode(String name) {
        try {
            BufferedImage image = ImageIO.read(new ByteArrayInputStream(TestMedia.bytes(name)));
            int w = image.getWidth();
            int h = image.getHeight();
            int[] argb = image.getRGB(0, 0, w, h, null, 0, w);
            for (int i = 0; i < argb.length; i++) {
                argb[i] &= 0xFFFFFF;
            }
            return new RgbImage(w, h, argb);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

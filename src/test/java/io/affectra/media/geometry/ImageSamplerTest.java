package io.affectra.media.geometry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.affectra.media.RgbImage;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

class ImageSamplerTest {

    /** 4 x 4, the left half black and the right half white. */
    private static RgbImage halves() {
        int[] px = new int[16];
        for (int i = 0; i < px.length; i++) {
            px[i] = i % 4 >= 2 ? 0xFFFFFF : 0;
        }
        return new RgbImage(4, 4, px);
    }

    @Test
    void anUprightWindowSamplesLikeTheSameBox() {
        RgbImage img = halves();
        ImageWindow w = new ImageWindow(img, 1.7, 2.2, 3.1, 0);
        assertThat(ImageSampler.rgb(w, 5, 1f / 255f, 0f)).containsExactly(ImageSampler.rgb(img, 1.7 - 1.55, 2.2 - 1.55, 1.7 + 1.55,
                2.2 + 1.55, 5, 5, 1f / 255f, 0f));
    }

    @Test
    void aWindowTurnedAQuarterClockwiseLooksToTheImageRight() {
        float[] out = ImageSampler.rgb(new ImageWindow(halves(), 2, 2, 4, Math.PI / 2), 2, 1f / 255f, 0f);
        // NHWC 2 x 2: the top row comes from the image's right (white), the bottom row from its left (black).
        assertThat(out[0]).isCloseTo(1f, within(1e-4f));
        assertThat(out[3]).isCloseTo(1f, within(1e-4f));
        assertThat(out[6]).isCloseTo(0f, within(1e-4f));
        assertThat(out[9]).isCloseTo(0f, within(1e-4f));
    }

    @Test
    void outsideTheImageIsBlackAfterTheMapping() {
        float[] out = ImageSampler.rgb(new ImageWindow(halves(), 40, 40, 4, 0.3), 3, 2f, -1f);
        float[] black = new float[27];
        Arrays.fill(black, -1f);
        assertThat(out).containsExactly(black);
    }

    @Test
    void grayUsesTheRec601Weights() {
        RgbImage red = new RgbImage(1, 1, new int[] {0xFF0000});
        assertThat(ImageSampler.gray(red, 0, 0, 1, 1, 1, 1, 1f, 0f)[0]).isCloseTo(0.2989f, within(1e-5f));
    }
}

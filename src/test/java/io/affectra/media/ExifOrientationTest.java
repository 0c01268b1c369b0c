package io.affectra.media;

import static org.assertj.core.api.Assertions.assertThat;

import io.affectra.testing.CraftedMedia;
import io.affectra.testing.TestMedia;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import javax.imageio.ImageIO;
import javax.imageio.stream.ImageInputStream;
import org.junit.jupiter.api.Test;

class ExifOrientationTest {

    private static int orientation(byte[] jpeg) throws IOException {
        try (ImageInputStream in = ImageIO.createImageInputStream(new ByteArrayInputStream(jpeg))) {
            int found = ExifOrientation.read(in);
            assertThat(in.getStreamPosition()).as("the stream is put back for the reader").isZero();
            return found;
        }
    }

    @Test
    void readsThePhoneStyleTagAndNothingFromAPlainJpeg() throws IOException {
        assertThat(orientation(CraftedMedia.sidewaysWithExif("sample1.jpg"))).isEqualTo(6);
        assertThat(orientation(TestMedia.bytes("sample1.jpg"))).isEqualTo(ExifOrientation.UPRIGHT);
        assertThat(orientation("not a jpeg at all".getBytes())).isEqualTo(ExifOrientation.UPRIGHT);
    }

    @Test
    void everyOrientationIsUndoneByItsInverse() {
        int[] pixels = new int[6];
        for (int i = 0; i < pixels.length; i++) {
            pixels[i] = i + 1;
        }
        RgbImage image = new RgbImage(3, 2, pixels);
        // 6 (90 clockwise) and 8 (90 counter-clockwise) undo each other; the mirrors and 3 and 5 and 7 undo themselves.
        int[][] inverse = {{2, 2}, {3, 3}, {4, 4}, {5, 5}, {6, 8}, {7, 7}, {8, 6}};
        for (int[] pair : inverse) {
            RgbImage turned = ExifOrientation.apply(image, pair[0]);
            assertThat(turned.width()).isEqualTo(pair[0] >= 5 ? 2 : 3);
            assertThat(ExifOrientation.apply(turned, pair[1]).pixels()).as("orientation %d", pair[0]).containsExactly(pixels);
        }
    }

    @Test
    void orientationSixTurnsClockwise() {
        // 1 2 3        4 1
        // 4 5 6   ->   5 2
        //              6 3
        RgbImage turned = ExifOrientation.apply(new RgbImage(3, 2, new int[] {1, 2, 3, 4, 5, 6}), 6);
        assertThat(turned.width()).isEqualTo(2);
        assertThat(turned.pixels()).containsExactly(4, 1, 5, 2, 6, 3);
    }
}

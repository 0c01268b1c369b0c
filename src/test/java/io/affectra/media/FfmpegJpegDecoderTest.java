package io.affectra.media;

import static org.assertj.core.api.Assertions.assertThat;

import io.affectra.testing.CraftedMedia;
import io.affectra.testing.TestMedia;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;

class FfmpegJpegDecoderTest {

    @Test
    void decodesAPhotographWithImageIosColours() throws IOException {
        for (String name : new String[] {"sample1.jpg", "sample2.jpg", "sample3.jpg"}) {
            byte[] bytes = TestMedia.bytes(name);
            RgbImage fast = FfmpegJpegDecoder.decode(bytes).orElseThrow();
            RgbImage reference = ImageDecoder.toRgb(ImageIO.read(new ByteArrayInputStream(bytes)));

            assertThat(fast.width()).isEqualTo(reference.width());
            assertThat(fast.height()).isEqualTo(reference.height());
            double diff = 0;
            for (int i = 0; i < fast.pixels().length; i++) {
                int a = fast.pixels()[i];
                int b = reference.pixels()[i];
                for (int shift = 0; shift <= 16; shift += 8) {
                    diff += Math.abs(((a >> shift) & 0xFF) - ((b >> shift) & 0xFF));
                }
            }
            // Two IDCTs and chroma upsamplers differ by about a level per channel, never by a colour shift.
            assertThat(diff / fast.pixels().length / 3).as(name).isLessThan(1.5);
        }
    }

    @Test
    void declinesTruncatedAndCorruptFilesSoThatImageIoCanSayWhy() throws IOException {
        assertThat(FfmpegJpegDecoder.decode(Files.readAllBytes(CraftedMedia.truncated("sample1.jpg", 0.6)))).isEmpty();
        assertThat(FfmpegJpegDecoder.decode(Files.readAllBytes(CraftedMedia.corrupted("sample2.jpg")))).isEmpty();
        assertThat(FfmpegJpegDecoder.decode("not a jpeg".getBytes())).isEmpty();
    }
}

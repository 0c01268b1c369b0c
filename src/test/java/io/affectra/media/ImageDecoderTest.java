package io.affectra.media;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.affectra.testing.CraftedMedia;
import io.affectra.testing.TestMedia;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.time.Duration;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;

/** The JPEG path: size from the frame header, pixels from FFmpeg, and ImageIO where only it can tell. */
class ImageDecoderTest {

    private static final LimitsConfig LIMITS = new LimitsConfig() {
        @Override
        public long maxMediaBytes() {
            return Long.parseLong(DEFAULT_MAX_MEDIA_BYTES);
        }

        @Override
        public long maxImagePixels() {
            return 50_000_000;
        }

        @Override
        public long maxAvBytes() {
            return Long.parseLong(DEFAULT_MAX_AV_BYTES);
        }

        @Override
        public Duration maxDuration() {
            return Duration.ofHours(2);
        }

        @Override
        public long maxVideoPixels() {
            return 8_294_400;
        }

        @Override
        public int maxTranscriptChars() {
            return Integer.parseInt(DEFAULT_MAX_TRANSCRIPT_CHARS);
        }
    };

    private final ImageDecoder decoder = new ImageDecoder(LIMITS);

    @Test
    void aPhotographIsDecodedByFfmpegAtItsFullSize() {
        byte[] jpeg = TestMedia.bytes("sample1.jpg");
        DecodedImage image = decoder.decode(jpeg);
        assertThat(image.kind()).isEqualTo(MediaKind.JPEG);
        assertThat(image.width()).isEqualTo(1920);
        assertThat(image.height()).isEqualTo(1280);
        assertThat(image.scale()).isEqualTo(1.0);
        assertThat(image.pixels().pixels()).isEqualTo(FfmpegJpegDecoder.decode(jpeg).orElseThrow().pixels());
    }

    @Test
    void aPhoneShotIsTurnedUprightAsItsExifSays() {
        DecodedImage image = decoder.decode(CraftedMedia.sidewaysWithExif("sample1.jpg"));
        assertThat(image.width()).isEqualTo(1920);
        assertThat(image.height()).isEqualTo(1280);
        // Re-encoding costs a few levels per channel; pixels left on their side would differ by tens.
        int[] upright = image.pixels().pixels();
        int[] original = decoder.decode(TestMedia.bytes("sample1.jpg")).pixels().pixels();
        double diff = 0;
        for (int i = 0; i < upright.length; i++) {
            for (int shift = 0; shift <= 16; shift += 8) {
                diff += Math.abs(((upright[i] >> shift) & 0xFF) - ((original[i] >> shift) & 0xFF));
            }
        }
        assertThat(diff / upright.length / 3).isLessThan(6);
    }

    @Test
    void aJpegDeclaringTooManyPixelsIsRefusedFromItsFrameHeader() {
        assertThatThrownBy(() -> decoder.decode(CraftedMedia.jpegDeclaring("sample1.jpg", 60_000, 50_000)))
                .isInstanceOfSatisfying(MediaException.class, e -> assertThat(e.type()).isEqualTo("image-too-many-pixels"))
                .hasMessageContaining("60000x50000");
    }

    @Test
    void truncatedAndCorruptJpegsAreStillRefusedWithImageIosReason() throws IOException {
        for (byte[] bad : new byte[][] {Files.readAllBytes(CraftedMedia.truncated("sample1.jpg", 0.6)),
                Files.readAllBytes(CraftedMedia.corrupted("sample2.jpg"))}) {
            assertThatThrownBy(() -> decoder.decode(bad))
                    .isInstanceOfSatisfying(MediaException.class, e -> assertThat(e.type()).isEqualTo("corrupt-media"));
        }
    }

    @Test
    void aJpegTooLargeToKeepWholeIsSubsampledByImageIoWhileDecoding() throws IOException {
        BufferedImage photo = ImageIO.read(new ByteArrayInputStream(TestMedia.bytes("sample1.jpg")));
        BufferedImage large = new BufferedImage(3840, 2560, BufferedImage.TYPE_3BYTE_BGR);
        Graphics2D g = large.createGraphics();
        g.drawImage(photo, 0, 0, 3840, 2560, null);
        g.dispose();
        ByteArrayOutputStream jpeg = new ByteArrayOutputStream();
        ImageIO.write(large, "jpg", jpeg);

        DecodedImage image = decoder.decode(jpeg.toByteArray());
        assertThat(image.width()).isEqualTo(3840);
        assertThat(image.height()).isEqualTo(2560);
        assertThat(image.pixels().width()).isEqualTo(1920);
        assertThat(image.pixels().height()).isEqualTo(1280);
        assertThat(image.scale()).isEqualTo(2.0);
    }

    @Test
    void aProgressiveJpegDecodesToTheSameSizeAsItsBaselineOriginal() {
        DecodedImage image = decoder.decode(CraftedMedia.progressive("sample2.jpg"));
        DecodedImage original = decoder.decode(TestMedia.bytes("sample2.jpg"));
        assertThat(image.width()).isEqualTo(original.width());
        assertThat(image.height()).isEqualTo(original.height());
    }
}

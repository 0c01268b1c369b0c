package io.affectra.media;

import static org.assertj.core.api.Assertions.assertThat;

import io.affectra.testing.CraftedMedia;
import io.affectra.testing.TestMedia;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import javax.imageio.ImageIO;
import org.bytedeco.ffmpeg.global.avutil;
import org.bytedeco.javacv.FFmpegFrameGrabber;
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

    /** What FFmpeg's BGR24 output repacked byte by byte gives (the conversion video frames used before BGRA). */
    private static RgbImage viaBgr24(byte[] jpeg) throws Exception {
        try (FFmpegFrameGrabber grabber = new FFmpegFrameGrabber(new ByteArrayInputStream(jpeg), 0)) {
            grabber.setFormat("jpeg_pipe");
            grabber.setPixelFormat(avutil.AV_PIX_FMT_BGR24);
            grabber.start();
            return Bgr24Reference.repack(grabber.grabImage());
        }
    }

    @Test
    void bgraRowsGiveExactlyThePixelsOfBgr24() throws Exception {
        BufferedImage gray = new BufferedImage(333, 221, BufferedImage.TYPE_BYTE_GRAY);
        Graphics2D g = gray.createGraphics();
        g.drawImage(ImageIO.read(new ByteArrayInputStream(TestMedia.bytes("sample3.jpg"))), 0, 0, 333, 221, null);
        g.dispose();
        ByteArrayOutputStream grayJpeg = new ByteArrayOutputStream();
        ImageIO.write(gray, "jpg", grayJpeg);
        // Three photographs, a progressive one, and a grayscale one whose odd width pads FFmpeg's rows.
        for (byte[] jpeg : new byte[][] {TestMedia.bytes("sample1.jpg"), TestMedia.bytes("sample2.jpg"), TestMedia.bytes("sample3.jpg"),
                CraftedMedia.progressive("sample1.jpg"), grayJpeg.toByteArray()}) {
            RgbImage fast = FfmpegJpegDecoder.decode(jpeg).orElseThrow();
            RgbImage reference = viaBgr24(jpeg);
            assertThat(fast.width()).isEqualTo(reference.width());
            assertThat(fast.height()).isEqualTo(reference.height());
            assertThat(fast.pixels()).isEqualTo(reference.pixels());
        }
    }

    @Test
    void declinesTruncatedAndCorruptFilesSoThatImageIoCanSayWhy() throws IOException {
        assertThat(FfmpegJpegDecoder.decode(Files.readAllBytes(CraftedMedia.truncated("sample1.jpg", 0.6)))).isEmpty();
        assertThat(FfmpegJpegDecoder.decode(Files.readAllBytes(CraftedMedia.corrupted("sample2.jpg")))).isEmpty();
        assertThat(FfmpegJpegDecoder.decode("not a jpeg".getBytes())).isEmpty();
    }
}

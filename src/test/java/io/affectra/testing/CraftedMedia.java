package io.affectra.testing;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.zip.CRC32;
import javax.imageio.ImageIO;

/** Broken and hostile files made from real media, for the bad-input tests. */
public final class CraftedMedia {

    private CraftedMedia() {
    }

    /** The first {@code fraction} of a real JPEG: a download cut short. */
    public static Path truncated(String name, double fraction) {
        byte[] all = TestMedia.bytes(name);
        return write("truncated-" + name, Arrays.copyOf(all, (int) (all.length * fraction)));
    }

    /** A real JPEG's header followed by noise where the scan data should be. */
    public static Path corrupted(String name) {
        byte[] all = TestMedia.bytes(name);
        byte[] out = all.clone();
        java.util.Random random = new java.util.Random(7);
        for (int i = 4096; i < out.length - 2; i++) {
            out[i] = (byte) random.nextInt(256);
        }
        return write("corrupted-" + name, out);
    }

    /**
     * A real PNG (a crop of a sample photograph) whose header is rewritten to declare {@code width x height}
     * pixels, with a valid header checksum: the shape of a decompression bomb.
     */
    public static Path pngDeclaring(int width, int height) {
        try {
            var image = ImageIO.read(TestMedia.file("sample3.jpg").toFile()).getSubimage(0, 0, 64, 64);
            ByteArrayOutputStream png = new ByteArrayOutputStream();
            ImageIO.write(image, "png", png);
            byte[] bytes = png.toByteArray();
            // IHDR: 8-byte signature, 4-byte length, "IHDR", width, height, ... then CRC over type+data (17 bytes).
            ByteBuffer.wrap(bytes, 16, 8).putInt(width).putInt(height);
            CRC32 crc = new CRC32();
            crc.update(bytes, 12, 17);
            ByteBuffer.wrap(bytes, 29, 4).putInt((int) crc.getValue());
            return write("bomb-" + width + "x" + height + ".png", bytes);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * speech.mp3 (16 kHz MPEG-2 layer III, 576 samples a frame) with the frame count of its Info/Xing header
     * rewritten to declare {@code hours} of audio. FFmpeg takes an MP3's duration from that header; it
     * ignores a WAV data size or an MP4 duration that the file's samples do not back.
     */
    public static Path mp3DeclaringHours(int hours) {
        byte[] mp3 = TestMedia.bytes("speech.mp3");
        java.nio.ByteBuffer b = java.nio.ByteBuffer.wrap(mp3);
        int tag = indexOf(mp3, "Info".getBytes(java.nio.charset.StandardCharsets.US_ASCII), 0);
        if (tag < 0) {
            tag = indexOf(mp3, "Xing".getBytes(java.nio.charset.StandardCharsets.US_ASCII), 0);
        }
        if (tag < 0 || (b.getInt(tag + 4) & 1) == 0) {
            throw new IllegalStateException("speech.mp3 has no Info/Xing frame count");
        }
        b.putInt(tag + 8, (int) (hours * 3600L * 16_000 / 576));
        return write("declares-" + hours + "h.mp3", mp3);
    }

    private static int indexOf(byte[] haystack, byte[] needle, int from) {
        outer:
        for (int i = from; i + needle.length <= haystack.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }

    /**
     * A real photograph stored the way a phone stores a portrait shot: the pixels turned 90 degrees counter-clockwise
     * and an EXIF APP1 segment whose orientation tag (6, big-endian TIFF) says to turn them 90 degrees clockwise.
     */
    public static byte[] sidewaysWithExif(String name) {
        try {
            java.awt.image.BufferedImage upright = ImageIO.read(new java.io.ByteArrayInputStream(TestMedia.bytes(name)));
            int w = upright.getWidth();
            int h = upright.getHeight();
            java.awt.image.BufferedImage sideways = new java.awt.image.BufferedImage(h, w, java.awt.image.BufferedImage.TYPE_3BYTE_BGR);
            for (int y = 0; y < h; y++) {
                for (int x = 0; x < w; x++) {
                    sideways.setRGB(y, w - 1 - x, upright.getRGB(x, y)); // 90 degrees counter-clockwise
                }
            }
            ByteArrayOutputStream jpeg = new ByteArrayOutputStream();
            ImageIO.write(sideways, "jpg", jpeg);
            byte[] plain = jpeg.toByteArray();
            ByteBuffer tiff = ByteBuffer.allocate(26);
            tiff.put(new byte[] {'M', 'M', 0, 42}).putInt(8).putShort((short) 1)
                    .putShort((short) 0x0112).putShort((short) 3).putInt(1).putShort((short) 6).putShort((short) 0).putInt(0);
            byte[] exif = ByteBuffer.allocate(6 + tiff.capacity()).put(new byte[] {'E', 'x', 'i', 'f', 0, 0}).put(tiff.array()).array();
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            out.write(plain, 0, 2); // SOI
            out.write(new byte[] {(byte) 0xFF, (byte) 0xE1, (byte) ((exif.length + 2) >> 8), (byte) (exif.length + 2)});
            out.write(exif);
            out.write(plain, 2, plain.length - 2);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static Path write(String name, byte[] bytes) {
        try {
            Path dir = Files.createDirectories(Path.of("target", "test-media"));
            Path file = dir.resolve(name);
            Files.write(file, bytes);
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

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
import org.bytedeco.ffmpeg.global.avcodec;
import org.bytedeco.javacv.FFmpegFrameRecorder;
import org.bytedeco.javacv.Java2DFrameConverter;

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
     * A real JPEG whose frame header (SOF marker) is rewritten to declare {@code width x height} pixels: a JPEG
     * decompression bomb, refused from the header before any pixel is decoded.
     */
    public static byte[] jpegDeclaring(String name, int width, int height) {
        byte[] out = TestMedia.bytes(name).clone();
        int sof = frameHeader(out);
        out[sof + 5] = (byte) (height >> 8);
        out[sof + 6] = (byte) height;
        out[sof + 7] = (byte) (width >> 8);
        out[sof + 8] = (byte) width;
        return out;
    }

    /** Where the first baseline or progressive frame header (FF C0 / FF C2) of a JPEG starts, walking its segments. */
    public static int frameHeader(byte[] jpeg) {
        int p = 2;
        while (p + 4 <= jpeg.length) {
            int marker = jpeg[p + 1] & 0xFF;
            if (marker == 0xC0 || marker == 0xC1 || marker == 0xC2) {
                return p;
            }
            p += 2 + (((jpeg[p + 2] & 0xFF) << 8) | (jpeg[p + 3] & 0xFF));
        }
        throw new IllegalArgumentException("no frame header");
    }

    /** A real photograph re-encoded as a progressive JPEG (frame header FF C2), as many web images are. */
    public static byte[] progressive(String name) {
        try {
            var image = ImageIO.read(TestMedia.file(name).toFile());
            var writer = ImageIO.getImageWritersByFormatName("jpeg").next();
            var param = writer.getDefaultWriteParam();
            param.setProgressiveMode(javax.imageio.ImageWriteParam.MODE_DEFAULT);
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            try (var stream = ImageIO.createImageOutputStream(out)) {
                writer.setOutput(stream);
                writer.write(null, new javax.imageio.IIOImage(image, null, null), param);
            } finally {
                writer.dispose();
            }
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
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
        return mp3Declaring(hours * 3600, "declares-" + hours + "h.mp3");
    }

    /** speech.mp3 (14.5 s) whose Info/Xing header declares {@code seconds}: a header that understates the audio. */
    public static Path mp3DeclaringSeconds(int seconds) {
        return mp3Declaring(seconds, "declares-" + seconds + "s.mp3");
    }

    private static Path mp3Declaring(long seconds, String name) {
        byte[] mp3 = TestMedia.bytes("speech.mp3");
        java.nio.ByteBuffer b = java.nio.ByteBuffer.wrap(mp3);
        int tag = indexOf(mp3, "Info".getBytes(java.nio.charset.StandardCharsets.US_ASCII), 0);
        if (tag < 0) {
            tag = indexOf(mp3, "Xing".getBytes(java.nio.charset.StandardCharsets.US_ASCII), 0);
        }
        if (tag < 0 || (b.getInt(tag + 4) & 1) == 0) {
            throw new IllegalStateException("speech.mp3 has no Info/Xing frame count");
        }
        b.putInt(tag + 8, (int) (seconds * 16_000 / 576));
        return write(name, mp3);
    }

    /**
     * A silent MP4 (MPEG-4 Part 2, 64x48, 10 fps) of {@code seconds} of real frames, written by FFmpeg, whose movie,
     * track and media headers (mvhd, tkhd, mdhd) are then rewritten to declare {@code declaredSeconds}: FFmpeg reports
     * the declared duration, and decodes every frame.
     */
    public static Path mp4Understating(int seconds, int declaredSeconds) {
        try {
            Path file = Files.createDirectories(Path.of("target", "test-media")).resolve("runs-" + seconds + "s-declares-" + declaredSeconds + "s.mp4");
            try (FFmpegFrameRecorder recorder = new FFmpegFrameRecorder(file.toFile(), 64, 48, 0);
                    Java2DFrameConverter converter = new Java2DFrameConverter()) {
                recorder.setFormat("mp4");
                recorder.setVideoCodec(avcodec.AV_CODEC_ID_MPEG4);
                recorder.setFrameRate(10);
                recorder.start();
                for (int i = 0; i < seconds * 10; i++) {
                    java.awt.image.BufferedImage frame = new java.awt.image.BufferedImage(64, 48, java.awt.image.BufferedImage.TYPE_3BYTE_BGR);
                    java.awt.Graphics g = frame.getGraphics();
                    g.setColor(new java.awt.Color((i * 7) % 256, 90, 160));
                    g.fillRect(0, 0, 64, 48);
                    g.dispose();
                    recorder.record(converter.convert(frame));
                }
            }
            byte[] mp4 = Files.readAllBytes(file);
            ByteBuffer b = ByteBuffer.wrap(mp4);
            // Version-0 boxes: after the 4-byte type come version+flags (4), creation and modification times (4 + 4), then
            // mvhd/mdhd: timescale (4), duration (4); tkhd: track id (4), reserved (4), duration (4, in the movie's timescale).
            int mvhd = box(mp4, "mvhd", 0);
            int movieScale = b.getInt(mvhd + 16);
            b.putInt(mvhd + 20, declaredSeconds * movieScale);
            for (int tkhd = box(mp4, "tkhd", 0); tkhd >= 0; tkhd = box(mp4, "tkhd", tkhd + 4)) {
                b.putInt(tkhd + 24, declaredSeconds * movieScale);
            }
            for (int mdhd = box(mp4, "mdhd", 0); mdhd >= 0; mdhd = box(mp4, "mdhd", mdhd + 4)) {
                b.putInt(mdhd + 20, declaredSeconds * b.getInt(mdhd + 16));
            }
            Files.write(file, mp4);
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The offset of a version-0 box's type, or -1. */
    private static int box(byte[] mp4, String type, int from) {
        int at = indexOf(mp4, type.getBytes(java.nio.charset.StandardCharsets.US_ASCII), from);
        if (at >= 0 && mp4[at + 4] != 0) {
            throw new IllegalStateException(type + " is not a version-0 box");
        }
        return at;
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

    /** The part of a real photograph below {@code top} pixels, as JPEG: sample2 below 900 shows legs, a sofa and a phone, no face. */
    public static Path below(String name, int top) {
        try {
            var full = ImageIO.read(TestMedia.file(name).toFile());
            var lower = full.getSubimage(0, top, full.getWidth(), full.getHeight() - top);
            ByteArrayOutputStream jpeg = new ByteArrayOutputStream();
            ImageIO.write(lower, "jpg", jpeg);
            return write(name.replaceAll("\\.\\w+$", "") + "-below-" + top + ".jpg", jpeg.toByteArray());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A real photograph resized by {@code factor} (bilinear), as JPEG: larger than the decoder's 2048 px makes it decode subsampled. */
    public static Path resized(String name, double factor) {
        try {
            var full = ImageIO.read(TestMedia.file(name).toFile());
            int w = (int) Math.round(full.getWidth() * factor);
            int h = (int) Math.round(full.getHeight() * factor);
            var out = new java.awt.image.BufferedImage(w, h, java.awt.image.BufferedImage.TYPE_3BYTE_BGR);
            var g = out.createGraphics();
            g.setRenderingHint(java.awt.RenderingHints.KEY_INTERPOLATION, java.awt.RenderingHints.VALUE_INTERPOLATION_BILINEAR);
            g.drawImage(full, 0, 0, w, h, null);
            g.dispose();
            ByteArrayOutputStream jpeg = new ByteArrayOutputStream();
            ImageIO.write(out, "jpg", jpeg);
            return write(name.replaceAll("\\.\\w+$", "") + "-x" + factor + ".jpg", jpeg.toByteArray());
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

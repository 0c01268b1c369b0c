package io.affectra.media;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/** Identifies media from its first bytes. */
public final class MediaSniffer {

    /** How many leading bytes {@link #sniff(byte[])} needs to see. */
    public static final int HEADER_BYTES = 16;

    private MediaSniffer() {
    }

    /** Reads the file's first bytes; UNKNOWN when it cannot be read. */
    public static MediaKind sniff(java.nio.file.Path file) {
        try (java.io.InputStream in = java.nio.file.Files.newInputStream(file)) {
            return sniff(in.readNBytes(HEADER_BYTES));
        } catch (java.io.IOException e) {
            return MediaKind.UNKNOWN;
        }
    }

    public static MediaKind sniff(byte[] head) {
        if (startsWith(head, 0xFF, 0xD8, 0xFF)) {
            return MediaKind.JPEG;
        }
        if (startsWith(head, 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A)) {
            return MediaKind.PNG;
        }
        if (ascii(head, 0, "GIF87a") || ascii(head, 0, "GIF89a")) {
            return MediaKind.GIF;
        }
        if (ascii(head, 0, "BM") && head.length >= 14) {
            return MediaKind.BMP;
        }
        if (ascii(head, 0, "RIFF") && ascii(head, 8, "WEBP")) {
            return MediaKind.WEBP;
        }
        if (ascii(head, 0, "RIFF") && ascii(head, 8, "AVI ")) {
            return MediaKind.AVI;
        }
        if (ascii(head, 0, "RIFF") && ascii(head, 8, "WAVE")) {
            return MediaKind.WAV;
        }
        if (ascii(head, 4, "ftyp")) {
            return MediaKind.MP4;
        }
        if (startsWith(head, 0x1A, 0x45, 0xDF, 0xA3)) {
            return MediaKind.WEBM;
        }
        if (ascii(head, 0, "OggS")) {
            return MediaKind.OGG;
        }
        if (ascii(head, 0, "ID3") || (head.length > 1 && (head[0] & 0xFF) == 0xFF && (head[1] & 0xE0) == 0xE0)) {
            return MediaKind.MP3;
        }
        return MediaKind.UNKNOWN;
    }

    private static boolean startsWith(byte[] head, int... magic) {
        if (head.length < magic.length) {
            return false;
        }
        for (int i = 0; i < magic.length; i++) {
            if ((head[i] & 0xFF) != magic[i]) {
                return false;
            }
        }
        return true;
    }

    private static boolean ascii(byte[] head, int offset, String text) {
        byte[] want = text.getBytes(StandardCharsets.US_ASCII);
        return head.length >= offset + want.length
                && Arrays.equals(head, offset, offset + want.length, want, 0, want.length);
    }
}

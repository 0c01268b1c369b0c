package io.affectra.media;

import java.util.Optional;

/**
 * A JPEG's pixel size, read from its frame header (SOF marker) by walking the marker segments, without a decoder.
 * ImageIO's reader, asked only for the size, also builds a colour transform for an embedded ICC profile, which cost a
 * photograph about half as much CPU as FFmpeg's whole decode of it. Only the frame types the JDK's reader decodes
 * (baseline, extended sequential and progressive Huffman) are read; any other, or any doubt, gives nothing and the
 * caller asks ImageIO, whose reader says precisely what is wrong.
 */
record JpegSize(int width, int height) {

    static Optional<JpegSize> read(byte[] jpeg) {
        if (jpeg.length < 4 || u8(jpeg, 0) != 0xFF || u8(jpeg, 1) != 0xD8) {
            return Optional.empty();
        }
        int p = 2;
        while (p + 4 <= jpeg.length) {
            if (u8(jpeg, p) != 0xFF) {
                return Optional.empty();
            }
            int marker = u8(jpeg, p + 1);
            if (marker == 0xFF) {
                p++; // fill byte before a marker
                continue;
            }
            if (marker == 0xDA || marker == 0xD9 || marker == 0xD8 || marker == 0x01 || (marker >= 0xD0 && marker <= 0xD7)) {
                return Optional.empty(); // scan, end, a second start or a bare marker before any frame header
            }
            int length = u16(jpeg, p + 2);
            if (length < 2 || p + 2 + length > jpeg.length) {
                return Optional.empty();
            }
            if (marker == 0xC0 || marker == 0xC1 || marker == 0xC2) {
                // Lf(2) P(1) Y(2) X(2) Nf(1) ...
                if (length < 8) {
                    return Optional.empty();
                }
                int height = u16(jpeg, p + 5);
                int width = u16(jpeg, p + 7);
                // A height of 0 is defined later (DNL marker): leave that to ImageIO.
                return width > 0 && height > 0 ? Optional.of(new JpegSize(width, height)) : Optional.empty();
            }
            if (marker >= 0xC3 && marker <= 0xCF && marker != 0xC4 && marker != 0xC8 && marker != 0xCC) {
                return Optional.empty(); // lossless, hierarchical or arithmetic frames: not what the JDK's reader reads
            }
            p += 2 + length;
        }
        return Optional.empty();
    }

    private static int u8(byte[] b, int i) {
        return b[i] & 0xFF;
    }

    private static int u16(byte[] b, int i) {
        return (u8(b, i) << 8) | u8(b, i + 1);
    }
}

package io.affectra.media;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.ByteOrder;
import javax.imageio.stream.ImageInputStream;
import javax.imageio.stream.MemoryCacheImageInputStream;

/**
 * The EXIF orientation of a JPEG (tag 0x0112 of IFD0): how a camera says its pixels must be turned to be seen upright.
 * Phones store portrait photos sideways with this tag; browsers and viewers honour it, and so must we, or faces lie on
 * their side and the face detector (trained on upright faces) misses them. Values follow the TIFF specification:
 * 1 upright, 2 mirrored, 3 upside down, 4 flipped, 5-8 the four transposed cases (6: turn 90 degrees clockwise).
 */
public final class ExifOrientation {

    public static final int UPRIGHT = 1;

    /** Headers are read no further than this: EXIF sits in the first segments. */
    private static final long MAX_SCAN = 256 * 1024;

    private ExifOrientation() {
    }

    /** The tag of a JPEG in memory; 1 when absent or unreadable. */
    public static int read(byte[] jpeg) {
        try (ImageInputStream in = new MemoryCacheImageInputStream(new ByteArrayInputStream(jpeg))) {
            return read(in);
        } catch (IOException e) {
            return UPRIGHT;
        }
    }

    /** Reads the tag from the stream's start and puts the stream back where it was; 1 when absent or unreadable. */
    public static int read(ImageInputStream in) {
        ByteOrder order = in.getByteOrder();
        try {
            in.mark();
            return scan(in);
        } catch (IOException | RuntimeException e) {
            return UPRIGHT;
        } finally {
            try {
                in.reset();
            } catch (IOException ignored) {
                // The reader seeks to the start itself; nothing was consumed that it needs.
            }
            in.setByteOrder(order);
        }
    }

    private static int scan(ImageInputStream in) throws IOException {
        in.setByteOrder(ByteOrder.BIG_ENDIAN);
        if (in.readUnsignedShort() != 0xFFD8) {
            return UPRIGHT;
        }
        while (in.getStreamPosition() < MAX_SCAN) {
            int marker = in.readUnsignedShort();
            if ((marker & 0xFF00) != 0xFF00 || marker == 0xFFDA || marker == 0xFFD9) {
                return UPRIGHT; // start of scan or end: no EXIF before the pixels
            }
            int length = in.readUnsignedShort();
            long next = in.getStreamPosition() + length - 2;
            if (marker == 0xFFE1 && length > 16 && in.readInt() == 0x45786966 && in.readUnsignedShort() == 0) { // "Exif\0\0"
                return fromTiff(in);
            }
            in.seek(next);
        }
        return UPRIGHT;
    }

    private static int fromTiff(ImageInputStream in) throws IOException {
        long tiff = in.getStreamPosition();
        int byteOrder = in.readUnsignedShort();
        in.setByteOrder(byteOrder == 0x4949 ? ByteOrder.LITTLE_ENDIAN : ByteOrder.BIG_ENDIAN);
        if (in.readUnsignedShort() != 42) {
            return UPRIGHT;
        }
        in.seek(tiff + (in.readInt() & 0xFFFFFFFFL));
        int entries = in.readUnsignedShort();
        for (int i = 0; i < entries && i < 512; i++) {
            int tag = in.readUnsignedShort();
            int type = in.readUnsignedShort();
            in.readInt(); // count
            if (tag == 0x0112 && type == 3) {
                int value = in.readUnsignedShort();
                return value >= 1 && value <= 8 ? value : UPRIGHT;
            }
            in.readInt(); // value or offset
        }
        return UPRIGHT;
    }

    /** Whether the orientation swaps width and height (5-8). */
    public static boolean transposes(int orientation) {
        return orientation >= 5 && orientation <= 8;
    }

    /** The pixels turned upright. */
    public static RgbImage apply(RgbImage image, int orientation) {
        if (orientation <= UPRIGHT || orientation > 8) {
            return image;
        }
        int w = image.width();
        int h = image.height();
        boolean swap = transposes(orientation);
        int ow = swap ? h : w;
        int oh = swap ? w : h;
        int[] src = image.pixels();
        int[] out = new int[src.length];
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                int nx;
                int ny;
                switch (orientation) {
                    case 2 -> { nx = w - 1 - x; ny = y; }
                    case 3 -> { nx = w - 1 - x; ny = h - 1 - y; }
                    case 4 -> { nx = x; ny = h - 1 - y; }
                    case 5 -> { nx = y; ny = x; }
                    case 6 -> { nx = h - 1 - y; ny = x; }
                    case 7 -> { nx = h - 1 - y; ny = w - 1 - x; }
                    default -> { nx = y; ny = w - 1 - x; } // 8
                }
                out[ny * ow + nx] = src[y * w + x];
            }
        }
        return new RgbImage(ow, oh, out);
    }
}

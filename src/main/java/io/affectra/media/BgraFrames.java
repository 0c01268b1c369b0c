package io.affectra.media;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.IntBuffer;
import org.bytedeco.javacv.Frame;

/** FFmpeg's BGRA output (photographs and video frames alike) as the pipeline's packed RGB pixels. */
final class BgraFrames {

    private BgraFrames() {
    }

    /**
     * BGRA rows (stride in bytes) to packed 0xRRGGBB. Read as little-endian ints, BGRA pixels are 0xAARRGGBB, so whole
     * rows are copied as ints and the alpha masked off: the same pixels as BGR24 repacked byte by byte, which took a
     * quarter of FFmpeg's own decoding time on a photograph and
     * about 1 ms of a 720p video frame.
     */
    static RgbImage toRgb(Frame frame) {
        int w = frame.imageWidth;
        int h = frame.imageHeight;
        int stride = frame.imageStride / 4;
        IntBuffer bgra = ((ByteBuffer) frame.image[0]).duplicate().position(0).order(ByteOrder.LITTLE_ENDIAN).asIntBuffer();
        int[] out = new int[w * h];
        if (stride == w) {
            bgra.get(0, out);
        } else {
            for (int y = 0; y < h; y++) {
                bgra.get(y * stride, out, y * w, w);
            }
        }
        for (int i = 0; i < out.length; i++) {
            out[i] &= 0xFFFFFF;
        }
        return new RgbImage(w, h, out);
    }
}

package io.affectra.media;

import java.nio.ByteBuffer;
import org.bytedeco.javacv.Frame;

/** The plain conversion the BGRA row copy must equal: FFmpeg's BGR24 rows repacked byte by byte into 0xRRGGBB. */
final class Bgr24Reference {

    private Bgr24Reference() {
    }

    static RgbImage repack(Frame frame) {
        int w = frame.imageWidth;
        int h = frame.imageHeight;
        ByteBuffer bgr = ((ByteBuffer) frame.image[0]).duplicate();
        int[] out = new int[w * h];
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                int p = y * frame.imageStride + x * 3;
                out[y * w + x] = ((bgr.get(p + 2) & 0xFF) << 16) | ((bgr.get(p + 1) & 0xFF) << 8) | (bgr.get(p) & 0xFF);
            }
        }
        return new RgbImage(w, h, out);
    }
}

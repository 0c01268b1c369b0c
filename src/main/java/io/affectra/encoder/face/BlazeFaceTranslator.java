package io.affectra.encoder.face;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.types.Shape;
import ai.djl.translate.NoBatchifyTranslator;
import ai.djl.translate.TranslatorContext;
import io.affectra.cue.Region;
import io.affectra.media.geometry.ImageSampler;
import io.affectra.media.geometry.Point;
import java.nio.FloatBuffer;
import java.util.ArrayList;
import java.util.List;

/**
 * BlazeFace pre- and post-processing. Input: a square window of the image (the whole image letterboxed,
 * or a tile). Output: every anchor whose sigmoid score passes the threshold, decoded into image pixels.
 * Anchors follow MediaPipe's SSD layout: strides size/16 (2 per cell) then size/8 (6 per cell), centred
 * in each cell; box and keypoint offsets are in input pixels relative to the anchor centre.
 */
public final class BlazeFaceTranslator implements NoBatchifyTranslator<FaceCrop, List<Detection>> {

    private static final int KEYPOINTS = 6;

    private final String name;
    private final int size;
    private final double minScore;
    private final float[] anchors;

    public BlazeFaceTranslator(String name, int inputSize, double minScore) {
        this.name = name;
        this.size = inputSize;
        this.minScore = minScore;
        this.anchors = anchors(inputSize);
    }

    static float[] anchors(int inputSize) {
        int[] strides = {inputSize / 16, inputSize / 8};
        int[] perCell = {2, 6};
        List<float[]> list = new ArrayList<>();
        for (int s = 0; s < strides.length; s++) {
            int grid = (inputSize + strides[s] - 1) / strides[s];
            for (int gy = 0; gy < grid; gy++) {
                for (int gx = 0; gx < grid; gx++) {
                    for (int n = 0; n < perCell[s]; n++) {
                        list.add(new float[] {strides[s] * (gx + 0.5f), strides[s] * (gy + 0.5f)});
                    }
                }
            }
        }
        float[] flat = new float[list.size() * 2];
        for (int i = 0; i < list.size(); i++) {
            flat[2 * i] = list.get(i)[0];
            flat[2 * i + 1] = list.get(i)[1];
        }
        return flat;
    }

    @Override
    public NDList processInput(TranslatorContext ctx, FaceCrop window) {
        ctx.setAttachment("window", window);
        FloatBuffer data = ImageSampler.rgbDirect(window.image(), window.x0(), window.y0(), window.x1(), window.y1(),
                size, size, 1f / 127.5f, -1f);
        return new NDList(ctx.getNDManager().create(data, new Shape(1, size, size, 3)));
    }

    @Override
    public List<Detection> processOutput(TranslatorContext ctx, NDList outputs) {
        int total = anchors.length / 2;
        int small = total == 896 ? 512 : total;
        float[] boxes = new float[total * 16];
        float[] logits = new float[total];
        // The converted graph has four outputs; tell them apart by shape: [1,512|384,16] boxes, [1,512|384,1] scores.
        for (NDArray array : outputs) {
            long[] shape = array.getShape().getShape();
            int rows = (int) shape[1];
            int offset = rows == small ? 0 : small;
            float[] values = array.toFloatArray();
            if (shape[2] == 16) {
                System.arraycopy(values, 0, boxes, offset * 16, values.length);
            } else {
                System.arraycopy(values, 0, logits, offset, values.length);
            }
        }
        double scale = window(ctx).side() / size;
        double x0 = window(ctx).x0();
        double y0 = window(ctx).y0();
        List<Detection> found = new ArrayList<>();
        for (int i = 0; i < total; i++) {
            double score = 1 / (1 + Math.exp(-logits[i]));
            if (score < minScore) {
                continue;
            }
            int b = i * 16;
            double ax = anchors[2 * i];
            double ay = anchors[2 * i + 1];
            double cx = boxes[b] + ax;
            double cy = boxes[b + 1] + ay;
            double w = boxes[b + 2];
            double h = boxes[b + 3];
            if (w <= 0 || h <= 0) {
                continue;
            }
            Region box = new Region(x0 + (cx - w / 2) * scale, y0 + (cy - h / 2) * scale, w * scale, h * scale);
            List<Point> keypoints = new ArrayList<>(KEYPOINTS);
            for (int k = 0; k < KEYPOINTS; k++) {
                keypoints.add(new Point(x0 + (boxes[b + 4 + 2 * k] + ax) * scale, y0 + (boxes[b + 5 + 2 * k] + ay) * scale));
            }
            found.add(new Detection(box, score, keypoints, name));
        }
        return found;
    }

    private static FaceCrop window(TranslatorContext ctx) {
        return (FaceCrop) ctx.getAttachment("window");
    }
}

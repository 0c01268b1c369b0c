package io.affectra.encoder.body;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.types.Shape;
import ai.djl.translate.NoBatchifyTranslator;
import ai.djl.translate.TranslatorContext;
import io.affectra.media.geometry.ImageSampler;
import io.affectra.media.geometry.ImageWindow;
import java.nio.FloatBuffer;
import java.util.ArrayList;
import java.util.List;

/**
 * PoseNet (MobileNetV1, output stride 16) pre- and post-processing. Input: a square window of the image
 * (normally the whole image letterboxed), resized to 385 x 385 RGB scaled to [-1, 1] as {@code posenet.ts}
 * does ({@code x / 127.5 - 1}). Output: the graph's four tensors on a 25 x 25 grid: heatmap logits [17]
 * (a sigmoid makes them scores, as in the reference), short-range offsets [34], forward and backward
 * displacements [32], decoded by {@link PoseNetDecoder} and mapped back to image pixels.
 */
public final class PoseNetTranslator implements NoBatchifyTranslator<ImageWindow, List<Pose>> {

    static final int SIZE = 385;
    static final int GRID = (SIZE - 1) / PoseNetDecoder.STRIDE + 1;

    private final PoseNetDecoder.Settings settings;

    public PoseNetTranslator(int maxPoses, double minPartScore, double minPoseScore, double nmsRadius) {
        this.settings = new PoseNetDecoder.Settings(maxPoses, minPartScore, minPoseScore, nmsRadius, 1);
    }

    @Override
    public NDList processInput(TranslatorContext ctx, ImageWindow window) {
        ctx.setAttachment("window", window);
        FloatBuffer data = ImageSampler.rgbDirect(window, SIZE, 1f / 127.5f, -1f);
        return new NDList(ctx.getNDManager().create(data, new Shape(1, SIZE, SIZE, 3)));
    }

    @Override
    public List<Pose> processOutput(TranslatorContext ctx, NDList outputs) {
        float[] heatmap = null;
        float[] offsets = null;
        float[] fwd = null;
        float[] bwd = null;
        for (NDArray array : outputs) {
            String name = array.getName() == null ? "" : array.getName();
            long channels = array.getShape().get(array.getShape().dimension() - 1);
            if (name.contains("heatmap") || channels == BodyPart.COUNT) {
                heatmap = array.toFloatArray();
            } else if (name.contains("offset") || channels == 2L * BodyPart.COUNT) {
                offsets = array.toFloatArray();
            } else if (name.contains("displacement_fwd")) {
                fwd = array.toFloatArray();
            } else if (name.contains("displacement_bwd")) {
                bwd = array.toFloatArray();
            }
        }
        if (heatmap == null || offsets == null || fwd == null || bwd == null) {
            throw new IllegalStateException("posenet did not return heatmap, offsets and both displacement outputs");
        }
        for (int i = 0; i < heatmap.length; i++) {
            heatmap[i] = (float) (1 / (1 + Math.exp(-heatmap[i])));
        }
        ImageWindow window = (ImageWindow) ctx.getAttachment("window");
        List<PoseNetDecoder.RawPose> raw = new PoseNetDecoder(heatmap, offsets, fwd, bwd, GRID, GRID).decode(settings);
        List<Pose> poses = new ArrayList<>(raw.size());
        for (int p = 0; p < raw.size(); p++) {
            PoseNetDecoder.RawPose r = raw.get(p);
            List<Keypoint> keypoints = new ArrayList<>(BodyPart.COUNT);
            for (BodyPart part : BodyPart.values()) {
                int k = part.ordinal();
                // Input pixel index -> its centre in the window -> image pixels.
                double[] xy = window.toImage(r.x()[k] + 0.5, r.y()[k] + 0.5, SIZE);
                keypoints.add(new Keypoint(part, xy[0], xy[1], r.score()[k]));
            }
            poses.add(new Pose(p, r.instanceScore(), keypoints));
        }
        return poses;
    }
}

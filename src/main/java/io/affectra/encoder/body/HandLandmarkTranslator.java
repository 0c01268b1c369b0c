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
 * MediaPipe Hands (lite) landmark model on a square hand crop, turned so that the forearm points up (the
 * orientation the model was trained on), 224 x 224 RGB in [0, 1] as {@code handtrack.ts} feeds it. Graph
 * outputs: {@code Identity} [1,63] 21 x (x, y, z) in crop pixels, {@code Identity_1} [1,1] hand flag,
 * {@code Identity_2} [1,1] handedness, {@code Identity_3} [1,63] world landmarks (metres, unused).
 */
public final class HandLandmarkTranslator implements NoBatchifyTranslator<ImageWindow, HandLandmarks> {

    static final int SIZE = 224;

    @Override
    public NDList processInput(TranslatorContext ctx, ImageWindow crop) {
        ctx.setAttachment("crop", crop);
        FloatBuffer data = ImageSampler.rgbDirect(crop, SIZE, 1f / 255f, 0f);
        return new NDList(ctx.getNDManager().create(data, new Shape(1, SIZE, SIZE, 3)));
    }

    @Override
    public HandLandmarks processOutput(TranslatorContext ctx, NDList outputs) {
        ImageWindow crop = (ImageWindow) ctx.getAttachment("crop");
        float[] landmarks = null;
        double flag = Double.NaN;
        double handedness = Double.NaN;
        for (NDArray array : outputs) {
            String name = array.getName() == null ? "" : array.getName();
            switch (name) {
                case "Identity" -> landmarks = array.toFloatArray();
                case "Identity_1" -> flag = array.toFloatArray()[0];
                case "Identity_2" -> handedness = array.toFloatArray()[0];
                default -> {
                }
            }
        }
        if (landmarks == null || Double.isNaN(flag) || Double.isNaN(handedness)) {
            throw new IllegalStateException("handlandmark-lite did not return Identity, Identity_1 and Identity_2");
        }
        double zScale = crop.side() / SIZE;
        List<HandPoint> points = new ArrayList<>(HandLandmarks.POINTS);
        for (int i = 0; i < HandLandmarks.POINTS; i++) {
            double[] xy = crop.toImage(landmarks[3 * i], landmarks[3 * i + 1], SIZE);
            points.add(new HandPoint(xy[0], xy[1], landmarks[3 * i + 2] * zScale));
        }
        return new HandLandmarks(flag, handedness, points);
    }
}

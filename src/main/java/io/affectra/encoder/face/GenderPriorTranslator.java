package io.affectra.encoder.face;

import ai.djl.ndarray.NDList;
import ai.djl.ndarray.types.Shape;
import ai.djl.translate.NoBatchifyTranslator;
import ai.djl.translate.TranslatorContext;
import io.affectra.media.geometry.ImageSampler;
import java.nio.FloatBuffer;

/** SSR-Net gender on a 64x64 grayscale crop in [-1,1]; returns the probability of "female" (output index 0). */
public final class GenderPriorTranslator implements NoBatchifyTranslator<FaceCrop, Double> {

    private static final int SIZE = 64;

    @Override
    public NDList processInput(TranslatorContext ctx, FaceCrop crop) {
        FloatBuffer data = ImageSampler.grayDirect(crop.image(), crop.x0(), crop.y0(), crop.x1(), crop.y1(), SIZE, SIZE, 2f, -1f);
        return new NDList(ctx.getNDManager().create(data, new Shape(1, SIZE, SIZE, 1)));
    }

    @Override
    public Double processOutput(TranslatorContext ctx, NDList outputs) {
        float[] p = outputs.singletonOrThrow().toFloatArray();
        double sum = p[0] + p[1];
        return sum > 0 ? p[0] / sum : 0.5;
    }
}

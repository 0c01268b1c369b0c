package io.affectra.encoder.face;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.types.Shape;
import ai.djl.translate.NoBatchifyTranslator;
import ai.djl.translate.TranslatorContext;
import io.affectra.media.geometry.ImageSampler;
import java.nio.FloatBuffer;

/**
 * FaceMesh on a face crop: 468 landmarks mapped back to image pixels, and the face flag, the model's own
 * probability that the crop holds a face (it rejects the detector's look-alikes: cups, cat faces).
 */
public final class FaceMeshTranslator implements NoBatchifyTranslator<FaceCrop, FaceMesh> {

    static final int SIZE = 192;
    static final int POINTS = 468;

    @Override
    public NDList processInput(TranslatorContext ctx, FaceCrop crop) {
        ctx.setAttachment("crop", crop);
        FloatBuffer data = ImageSampler.rgbDirect(crop.image(), crop.x0(), crop.y0(), crop.x1(), crop.y1(), SIZE, SIZE, 1f / 255f, 0f);
        return new NDList(ctx.getNDManager().create(data, new Shape(1, SIZE, SIZE, 3)));
    }

    @Override
    public FaceMesh processOutput(TranslatorContext ctx, NDList outputs) {
        FaceCrop crop = (FaceCrop) ctx.getAttachment("crop");
        float[] mesh = null;
        double flag = 0;
        for (NDArray array : outputs) {
            long size = array.getShape().size();
            if (size == POINTS * 3) {
                mesh = array.toFloatArray();
            } else if (size == 1) {
                flag = array.toFloatArray()[0];
            }
        }
        if (mesh == null) {
            throw new IllegalStateException("facemesh returned no mesh output");
        }
        double scale = crop.side() / SIZE;
        double[] xy = new double[POINTS * 2];
        for (int i = 0; i < POINTS; i++) {
            xy[2 * i] = crop.x0() + mesh[3 * i] * scale;
            xy[2 * i + 1] = crop.y0() + mesh[3 * i + 1] * scale;
        }
        return new FaceMesh(flag, xy);
    }
}

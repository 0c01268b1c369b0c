package io.affectra.encoder.face;

import ai.djl.ndarray.NDList;
import ai.djl.ndarray.types.Shape;
import ai.djl.translate.NoBatchifyTranslator;
import ai.djl.translate.TranslatorContext;
import io.affectra.media.geometry.ImageSampler;
import io.affectra.vocabulary.LabelSet;
import java.nio.FloatBuffer;
import java.util.List;

/**
 * A facial-expression classifier on a face crop, its softmax reordered into the canonical label set
 * (neutral, happiness, sadness, anger, fear, disgust, surprise). The two shipped models differ only in
 * input size, colour and label order, so one translator serves both.
 */
public final class ExpressionTranslator implements NoBatchifyTranslator<FaceCrop, double[]> {

    private final int size;
    private final boolean gray;
    private final int[] toCanonical;

    private ExpressionTranslator(int size, boolean gray, List<String> modelLabels) {
        this.size = size;
        this.gray = gray;
        this.toCanonical = new int[modelLabels.size()];
        for (int i = 0; i < modelLabels.size(); i++) {
            String canonical = LabelSet.CANONICAL.normalise(modelLabels.get(i))
                    .orElseThrow(() -> new IllegalArgumentException("no canonical label for a model label"));
            toCanonical[i] = LabelSet.CANONICAL.labels().indexOf(canonical);
        }
    }

    /** mini-Xception (FER2013): 64x64 grayscale in [-1,1]. */
    public static ExpressionTranslator miniXception(List<String> labels) {
        return new ExpressionTranslator(64, true, labels);
    }

    /** face-api.js FaceExpressionNet: 112x112 RGB 0..255, normalised inside the graph. */
    public static ExpressionTranslator faceApi(List<String> labels) {
        return new ExpressionTranslator(112, false, labels);
    }

    @Override
    public NDList processInput(TranslatorContext ctx, FaceCrop crop) {
        FloatBuffer data = gray
                ? ImageSampler.grayDirect(crop.image(), crop.x0(), crop.y0(), crop.x1(), crop.y1(), size, size, 2f, -1f)
                : ImageSampler.rgbDirect(crop.image(), crop.x0(), crop.y0(), crop.x1(), crop.y1(), size, size, 1f, 0f);
        return new NDList(ctx.getNDManager().create(data, new Shape(1, size, size, gray ? 1 : 3)));
    }

    @Override
    public double[] processOutput(TranslatorContext ctx, NDList outputs) {
        float[] raw = outputs.singletonOrThrow().toFloatArray();
        double[] canonical = new double[LabelSet.CANONICAL.size()];
        double sum = 0;
        for (int i = 0; i < raw.length; i++) {
            canonical[toCanonical[i]] += raw[i];
            sum += raw[i];
        }
        for (int i = 0; i < canonical.length; i++) {
            canonical[i] = sum > 0 ? canonical[i] / sum : 1.0 / canonical.length;
        }
        return canonical;
    }
}

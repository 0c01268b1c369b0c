package io.affectra.encoder.face;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.types.Shape;
import ai.djl.translate.NoBatchifyTranslator;
import ai.djl.translate.TranslatorContext;
import io.affectra.media.geometry.ImageSampler;
import java.nio.FloatBuffer;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * GEAR age/gender/race on a 198x198 RGB crop in [0,1] taken from rows 0..0.9 and columns 0.1..0.9 of the
 * face crop (the reference implementation's empirical window). Age is the expectation over the age bins.
 */
public final class GearPriorTranslator implements NoBatchifyTranslator<FaceCrop, GearPrior> {

    private static final int SIZE = 198;
    private static final double[] AGE_BINS = {15, 23, 28, 35.5, 45.5, 55.5, 65};
    private static final String[] RACES = {"white", "black", "asian", "indian", "other"};

    @Override
    public NDList processInput(TranslatorContext ctx, FaceCrop crop) {
        double s = crop.side();
        FloatBuffer data = ImageSampler.rgbDirect(crop.image(), crop.x0() + 0.1 * s, crop.y0(), crop.x0() + 0.9 * s, crop.y0() + 0.9 * s,
                SIZE, SIZE, 1f / 255f, 0f);
        return new NDList(ctx.getNDManager().create(data, new Shape(1, SIZE, SIZE, 3)));
    }

    @Override
    public GearPrior processOutput(TranslatorContext ctx, NDList outputs) {
        float[] age = null;
        float[] gender = null;
        float[] race = null;
        for (NDArray array : outputs) {
            float[] v = array.toFloatArray();
            switch (v.length) {
                case 7 -> age = v;
                case 2 -> gender = v;
                case 5 -> race = v;
                default -> { }
            }
        }
        if (age == null || gender == null || race == null) {
            throw new IllegalStateException("gear returned unexpected outputs");
        }
        double ageSum = 0;
        double years = 0;
        for (int i = 0; i < age.length; i++) {
            years += age[i] * AGE_BINS[i];
            ageSum += age[i];
        }
        Map<String, Double> races = new LinkedHashMap<>();
        for (int i = 0; i < RACES.length; i++) {
            races.put(RACES[i], (double) race[i]);
        }
        boolean male = gender[0] >= gender[1];
        return new GearPrior(ageSum > 0 ? years / ageSum : 0, male ? "male" : "female", male ? gender[0] : gender[1], races);
    }
}

package io.affectra.encoder.face;

import static io.affectra.encoder.face.FaceGeometry.*;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.affectra.media.geometry.Point;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Action-unit proxies from FaceMesh geometry. Each measure is scale-free (divided by the inter-ocular
 * distance) and roll-free (heights along the face's up axis); the calibration that maps it to an
 * intensity, and its formula in words, are data in {@code reasoning/facial/action-units.json}.
 * These are geometric proxies, not a trained AU detector: they see shape, not texture (no wrinkles, no
 * cheek raise), and a face turned far from the camera distorts them.
 */
public final class ActionUnitProxies {

    /** One proxy's calibration: intensity = clamp((raw - neutral) / (full - neutral), 0, 1). */
    public record Calibration(String facs, String formula, double neutral, double full) {
        double intensity(double raw) {
            double t = (raw - neutral) / (full - neutral);
            return Math.max(0, Math.min(1, t));
        }
    }

    public record CalibrationFile(int version, String note, Map<String, Calibration> proxies) {
    }

    private final Map<String, Calibration> calibration;

    public ActionUnitProxies(Map<String, Calibration> calibration) {
        this.calibration = calibration;
    }

    public static ActionUnitProxies fromClasspath() {
        try (InputStream in = ActionUnitProxies.class.getClassLoader().getResourceAsStream("reasoning/facial/action-units.json")) {
            if (in == null) {
                throw new IllegalStateException("reasoning/facial/action-units.json is missing from the classpath");
            }
            ObjectMapper json = new ObjectMapper().configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);
            return new ActionUnitProxies(json.readValue(in, CalibrationFile.class).proxies());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public Map<String, Calibration> calibration() {
        return calibration;
    }

    public List<ActionUnit> measure(FaceMesh mesh) {
        FaceGeometry g = new FaceGeometry(mesh);
        Point mouthCentre = g.mid(UPPER_LIP_INNER, LOWER_LIP_INNER);
        double browRaise = (g.heightAbove(RIGHT_BROW_MID, RIGHT_EYE_UPPER) + g.heightAbove(LEFT_BROW_MID, LEFT_EYE_UPPER)) / 2;
        double innerBrowHeight = (g.heightAbove(RIGHT_BROW_INNER, RIGHT_EYE_INNER) + g.heightAbove(LEFT_BROW_INNER, LEFT_EYE_INNER)) / 2;
        double eyeOpen = (g.distance(RIGHT_EYE_UPPER, RIGHT_EYE_LOWER) / g.distance(RIGHT_EYE_OUTER, RIGHT_EYE_INNER)
                + g.distance(LEFT_EYE_UPPER, LEFT_EYE_LOWER) / g.distance(LEFT_EYE_OUTER, LEFT_EYE_INNER)) / 2;
        double cornerHeight = (g.heightAbove(MOUTH_RIGHT, mouthCentre) + g.heightAbove(MOUTH_LEFT, mouthCentre)) / 2;
        double mouthOpen = g.distance(UPPER_LIP_INNER, LOWER_LIP_INNER);
        double lipThickness = g.distance(UPPER_LIP_TOP, UPPER_LIP_INNER) + g.distance(LOWER_LIP_INNER, LOWER_LIP_BOTTOM);

        List<ActionUnit> units = new ArrayList<>();
        add(units, "brow_raise", browRaise);
        add(units, "brow_lower", innerBrowHeight);
        add(units, "eye_open", eyeOpen);
        add(units, "lip_corner_pull", cornerHeight);
        add(units, "lip_corner_depress", cornerHeight);
        add(units, "mouth_open", mouthOpen);
        add(units, "lip_press", lipThickness);
        return units;
    }

    private void add(List<ActionUnit> units, String name, double raw) {
        Calibration c = calibration.get(name);
        if (c == null) {
            throw new IllegalStateException("no calibration for action-unit proxy " + name);
        }
        units.add(new ActionUnit(name, c.facs(), raw, c.intensity(raw)));
    }
}

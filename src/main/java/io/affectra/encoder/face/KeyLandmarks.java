package io.affectra.encoder.face;

import io.affectra.media.geometry.Xy;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The few FaceMesh landmarks a face is drawn with (of its 468): the face's outline at top, bottom and sides, brows,
 * eye corners and lids, the nose, the mouth's corners and lips. Named for the person's own sides, as the body parts
 * are: the right eye is on the image's left in a frontal view. The action-unit proxies read the same points.
 */
final class KeyLandmarks {

    /** Name to MediaPipe FaceMesh index, in drawing order. */
    static final Map<String, Integer> INDEX = indices();

    private KeyLandmarks() {
    }

    /** The key landmarks of {@code mesh} in source image pixels ({@code scale} maps decoded pixels back). */
    static Map<String, Xy> of(FaceMesh mesh, double scale) {
        Map<String, Xy> out = new LinkedHashMap<>();
        INDEX.forEach((name, i) -> out.put(name, Xy.scaled(mesh.xy()[2 * i], mesh.xy()[2 * i + 1], scale)));
        return Collections.unmodifiableMap(out);
    }

    private static Map<String, Integer> indices() {
        Map<String, Integer> m = new LinkedHashMap<>();
        m.put("forehead", 10);
        m.put("chin", 152);
        m.put("rightCheek", 234);
        m.put("leftCheek", 454);
        m.put("rightBrowOuter", 70);
        m.put("rightBrowMid", FaceGeometry.RIGHT_BROW_MID);
        m.put("rightBrowInner", FaceGeometry.RIGHT_BROW_INNER);
        m.put("leftBrowInner", FaceGeometry.LEFT_BROW_INNER);
        m.put("leftBrowMid", FaceGeometry.LEFT_BROW_MID);
        m.put("leftBrowOuter", 300);
        m.put("rightEyeOuter", FaceGeometry.RIGHT_EYE_OUTER);
        m.put("rightEyeUpper", FaceGeometry.RIGHT_EYE_UPPER);
        m.put("rightEyeInner", FaceGeometry.RIGHT_EYE_INNER);
        m.put("rightEyeLower", FaceGeometry.RIGHT_EYE_LOWER);
        m.put("leftEyeInner", FaceGeometry.LEFT_EYE_INNER);
        m.put("leftEyeUpper", FaceGeometry.LEFT_EYE_UPPER);
        m.put("leftEyeOuter", FaceGeometry.LEFT_EYE_OUTER);
        m.put("leftEyeLower", FaceGeometry.LEFT_EYE_LOWER);
        m.put("noseBridge", 168);
        m.put("noseTip", 1);
        m.put("mouthRight", FaceGeometry.MOUTH_RIGHT);
        m.put("upperLipTop", FaceGeometry.UPPER_LIP_TOP);
        m.put("mouthLeft", FaceGeometry.MOUTH_LEFT);
        m.put("lowerLipBottom", FaceGeometry.LOWER_LIP_BOTTOM);
        m.put("upperLipInner", FaceGeometry.UPPER_LIP_INNER);
        m.put("lowerLipInner", FaceGeometry.LOWER_LIP_INNER);
        return Collections.unmodifiableMap(m);
    }
}

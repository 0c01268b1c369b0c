import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Compares the bare pipeline's faces with those of an Affectra response for the same image: the same number, each box
 * (both sorted left to right) close to Affectra's (IoU at least 0.9; the largest edge offset is printed too), and the
 * two models' averaged expression probabilities within 0.01 of Affectra's, which they are only when every crop and
 * input tensor is prepared the same way.
 */
final class AffectraCheck {

    private static final Pattern BOX = Pattern.compile("\"box\"\\s*:\\s*\\{([^}]*)}");
    private static final Pattern PROBABILITIES = Pattern.compile("\"probabilities\"\\s*:\\s*\\{([^}]*)}");
    private static final double MIN_IOU = 0.9;
    private static final double MAX_PROBABILITY_GAP = 0.01;
    /** Affectra's canonical labels, and where each sits in mini-Xception's output (FaceExpressionNet's is already canonical). */
    private static final String[] CANONICAL = {"neutral", "happiness", "sadness", "anger", "fear", "disgust", "surprise"};
    private static final int[] MINI_XCEPTION = {6, 3, 4, 0, 2, 1, 5};

    private AffectraCheck() {
    }

    static boolean compare(List<Pipeline.Face> faces, String response, String detectors) {
        List<Box> affectra = boxes(response);
        List<double[]> expressions = probabilities(response);
        boolean sameCount = affectra.size() == faces.size();
        System.out.printf(Locale.ROOT, "face check (bare: %s): bare %d faces, Affectra %d faces: %s%n", detectors, faces.size(),
                affectra.size(), sameCount ? "same number" : "DIFFERENT NUMBER");
        boolean close = sameCount;
        for (int i = 0; i < Math.min(affectra.size(), faces.size()); i++) {
            Box b = faces.get(i).box();
            Box r = affectra.get(i);
            double iou = b.iou(r);
            double offset = Math.max(Math.max(Math.abs(b.x() - r.x()), Math.abs(b.y() - r.y())),
                    Math.max(Math.abs(b.x() + b.width() - r.x() - r.width()), Math.abs(b.y() + b.height() - r.y() - r.height())));
            double[] mine = ensemble(faces.get(i));
            double gap = 0;
            for (int k = 0; k < CANONICAL.length; k++) {
                gap = Math.max(gap, Math.abs(mine[k] - expressions.get(i)[k]));
            }
            close &= iou >= MIN_IOU && gap <= MAX_PROBABILITY_GAP;
            System.out.printf(Locale.ROOT, "  F%d bare %s, Affectra %s: IoU %.3f, largest edge offset %.1f px, expression probabilities within %.4f%n",
                    i + 1, text(b), text(r), iou, offset, gap);
        }
        System.out.println("face check: " + (close ? "PASS (same faces, every box IoU >= " + MIN_IOU + ", probabilities within " + MAX_PROBABILITY_GAP + ")" : "FAIL"));
        return close;
    }

    static String describe(List<Pipeline.Face> faces) {
        StringBuilder s = new StringBuilder();
        faces.forEach(f -> s.append(' ').append(text(f.box())).append(String.format(Locale.ROOT, " flag %.2f;", f.faceFlag())));
        return s.toString();
    }

    private static String text(Box b) {
        return String.format(Locale.ROOT, "[%.0f,%.0f %.0fx%.0f]", b.x(), b.y(), b.width(), b.height());
    }

    /** The face boxes of an analysis response (faces[].box), in the response's order (Affectra's F1, F2, ...: left to right). */
    private static List<Box> boxes(String json) {
        int faces = json.indexOf("\"faces\"");
        if (faces < 0) {
            throw new IllegalArgumentException("the response has no faces");
        }
        List<Box> out = new ArrayList<>();
        Matcher m = BOX.matcher(json);
        // Face boxes come first in a response; cues repeat them as "region", not "box".
        int end = json.indexOf("\"cues\"", faces);
        while (m.find(out.isEmpty() ? faces : m.end()) && (end < 0 || m.start() < end)) {
            String body = m.group(1);
            out.add(new Box(num(body, "x"), num(body, "y"), num(body, "width"), num(body, "height"), 1));
        }
        return out;
    }

    /** The mean of the two models' outputs, each normalised to sum 1, in canonical order (as Affectra's ensemble). */
    static double[] ensemble(Pipeline.Face f) {
        double[] out = new double[CANONICAL.length];
        double sa = 0;
        double sb = 0;
        for (int k = 0; k < CANONICAL.length; k++) {
            sa += f.miniXception()[k];
            sb += f.faceApi()[k];
        }
        for (int k = 0; k < CANONICAL.length; k++) {
            out[k] = (f.miniXception()[MINI_XCEPTION[k]] / sa + f.faceApi()[k] / sb) / 2;
        }
        return out;
    }

    /** Each face's ensemble probabilities (faces[].expression.probabilities), in canonical order. */
    private static List<double[]> probabilities(String json) {
        List<double[]> out = new ArrayList<>();
        Matcher m = PROBABILITIES.matcher(json);
        int end = json.indexOf("\"cues\"");
        while (m.find() && (end < 0 || m.start() < end)) {
            double[] p = new double[CANONICAL.length];
            for (int k = 0; k < CANONICAL.length; k++) {
                p[k] = num(m.group(1), CANONICAL[k]);
            }
            out.add(p);
        }
        return out;
    }

    private static double num(String body, String name) {
        Matcher m = Pattern.compile("\"" + name + "\"\\s*:\\s*(-?[0-9.eE+-]+)").matcher(body);
        if (!m.find()) {
            throw new IllegalArgumentException("a box without " + name);
        }
        return Double.parseDouble(m.group(1));
    }
}

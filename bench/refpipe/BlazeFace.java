import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * BlazeFace's anchors, box decoding and weighted NMS, as Affectra's BlazeFaceTranslator and NonMaxSuppression do them:
 * MediaPipe's SSD layout (strides size/16 with 2 anchors per cell, then size/8 with 6), offsets in input pixels from
 * the anchor centre, a sigmoid score threshold, then clusters of overlapping boxes (IoU above the threshold, or the
 * smaller box 60 % inside the other) blended into their score-weighted mean.
 */
final class BlazeFace {

    private static final double CONTAINMENT = 0.6;

    private BlazeFace() {
    }

    static float[] anchors(int size) {
        int[] strides = {size / 16, size / 8};
        int[] perCell = {2, 6};
        List<float[]> list = new ArrayList<>();
        for (int s = 0; s < strides.length; s++) {
            int grid = (size + strides[s] - 1) / strides[s];
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

    /**
     * Candidates above {@code minScore}, in image pixels. {@code boxes} is [anchors x 16], {@code logits} [anchors]; the
     * model's input was the square window at (x0, y0) of side {@code side} resized to {@code size}.
     */
    static List<Box> decode(float[] anchors, float[] boxes, float[] logits, int size, double x0, double y0, double side, double minScore,
            List<Box> into) {
        double scale = side / size;
        for (int i = 0; i < logits.length; i++) {
            double score = 1 / (1 + Math.exp(-logits[i]));
            if (score < minScore) {
                continue;
            }
            int b = i * 16;
            double cx = boxes[b] + anchors[2 * i];
            double cy = boxes[b + 1] + anchors[2 * i + 1];
            double w = boxes[b + 2];
            double h = boxes[b + 3];
            if (w <= 0 || h <= 0) {
                continue;
            }
            into.add(new Box(x0 + (cx - w / 2) * scale, y0 + (cy - h / 2) * scale, w * scale, h * scale, score));
        }
        return into;
    }

    static List<Box> nms(List<Box> detections, double iouThreshold, int max) {
        List<Box> remaining = new ArrayList<>(detections);
        remaining.sort(Comparator.comparingDouble(Box::score).reversed());
        List<Box> kept = new ArrayList<>();
        while (!remaining.isEmpty() && kept.size() < max) {
            Box best = remaining.get(0);
            double total = 0;
            double x = 0;
            double y = 0;
            double w = 0;
            double h = 0;
            List<Box> rest = new ArrayList<>(remaining.size());
            for (Box d : remaining) {
                if (overlaps(best, d, iouThreshold)) {
                    total += d.score();
                    x += d.x() * d.score();
                    y += d.y() * d.score();
                    w += d.width() * d.score();
                    h += d.height() * d.score();
                } else {
                    rest.add(d);
                }
            }
            kept.add(new Box(x / total, y / total, w / total, h / total, best.score()));
            remaining = rest;
        }
        return kept;
    }

    private static boolean overlaps(Box a, Box b, double iouThreshold) {
        if (a.iou(b) > iouThreshold) {
            return true;
        }
        double smaller = Math.min(a.area(), b.area());
        return smaller > 0 && a.intersection(b) / smaller > CONTAINMENT;
    }
}

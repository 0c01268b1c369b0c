package io.affectra.encoder.body.gesture;

import io.affectra.encoder.body.BodyPart;
import io.affectra.media.geometry.Point;
import java.util.function.IntFunction;

/**
 * How fast hands move along a track, in shoulder widths per second: path speed (the length of the path
 * travelled, not the net displacement) over a short window, after a 3-sample moving average (PoseNet jitters
 * by a few hundredths of a shoulder width from frame to frame). Computed once per track and cached.
 */
final class HandMotion {

    /** Hand speed above which a hand counts as moving (fiddling, rubbing), in shoulder widths per second. */
    static final double MOVING = 0.4;
    /** Half-width of the window hand speeds are measured over: a hand moving to a place and staying there is fast only briefly. */
    static final long SPEED_WINDOW_MS = 250;
    /** Half-width of the window for hands moving against each other (rubbing is quick). */
    static final long RELATIVE_WINDOW_MS = 150;

    private HandMotion() {
    }

    /** Path speed of a hand's centre over +-{@link #SPEED_WINDOW_MS}; NaN without two consecutive positions in it. */
    static double handSpeed(TrackView view, int i, BodyPart wrist) {
        double[] speeds = view.cached("speed:" + wrist, () -> {
            Point[] centres = smoothed(view, k -> {
                BodyGeometry g = view.g(k);
                return g == null ? null : g.hand(wrist).centre();
            });
            return pathSpeeds(view, centres, SPEED_WINDOW_MS);
        });
        return speeds[i];
    }

    /** Path speed of the vector between the two hands (hands moving against each other). */
    static double relativeHandSpeed(TrackView view, int i) {
        double[] speeds = view.cached("relativeSpeed", () -> {
            Point[] rel = smoothed(view, k -> {
                BodyGeometry g = view.g(k);
                return g == null || !g.left.seen() || !g.right.seen() ? null : g.left.centre().minus(g.right.centre());
            });
            return pathSpeeds(view, rel, RELATIVE_WINDOW_MS);
        });
        return speeds[i];
    }

    private static Point[] smoothed(TrackView view, IntFunction<Point> at) {
        Point[] raw = new Point[view.size()];
        for (int k = 0; k < raw.length; k++) {
            raw[k] = at.apply(k);
        }
        Point[] out = new Point[raw.length];
        for (int k = 0; k < raw.length; k++) {
            if (raw[k] == null) {
                continue;
            }
            double x = 0;
            double y = 0;
            int n = 0;
            for (int j = Math.max(0, k - 1); j <= Math.min(raw.length - 1, k + 1); j++) {
                if (raw[j] != null) {
                    x += raw[j].x();
                    y += raw[j].y();
                    n++;
                }
            }
            out[k] = new Point(x / n, y / n);
        }
        return out;
    }

    private static double[] pathSpeeds(TrackView view, Point[] points, long halfWindowMs) {
        double[] speeds = new double[points.length];
        for (int k = 0; k < points.length; k++) {
            BodyGeometry g = view.g(k);
            if (points[k] == null || g == null) {
                speeds[k] = Double.NaN;
                continue;
            }
            int[] w = view.window(k, halfWindowMs);
            double path = 0;
            long time = 0;
            int n = 0;
            for (int j = w[0]; j < w[1]; j++) {
                if (points[j] != null && points[j + 1] != null) {
                    path += points[j].distance(points[j + 1]);
                    time += view.t(j + 1) - view.t(j);
                    n++;
                }
            }
            speeds[k] = n < 1 || time == 0 ? Double.NaN : g.norm(path) / (time / 1000.0);
        }
        return speeds;
    }
}

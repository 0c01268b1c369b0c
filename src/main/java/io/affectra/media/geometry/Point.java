package io.affectra.media.geometry;

/** A 2D point or vector in source image pixels. */
public record Point(double x, double y) {

    public static Point mid(Point a, Point b) {
        return new Point((a.x + b.x) / 2, (a.y + b.y) / 2);
    }

    public Point plus(Point o) {
        return new Point(x + o.x, y + o.y);
    }

    public Point minus(Point o) {
        return new Point(x - o.x, y - o.y);
    }

    public Point times(double s) {
        return new Point(x * s, y * s);
    }

    public double dot(Point o) {
        return x * o.x + y * o.y;
    }

    public double length() {
        return Math.hypot(x, y);
    }

    public double distance(Point o) {
        return Math.hypot(x - o.x, y - o.y);
    }

    /** This vector scaled to length 1 (the zero vector stays zero). */
    public Point unit() {
        double l = length();
        return l == 0 ? this : new Point(x / l, y / l);
    }

    /** Distance from this point to the segment a-b. */
    public double distanceToSegment(Point a, Point b) {
        Point ab = b.minus(a);
        double len2 = ab.dot(ab);
        double t = len2 == 0 ? 0 : Math.max(0, Math.min(1, minus(a).dot(ab) / len2));
        return distance(a.plus(ab.times(t)));
    }
}

/** A face box in image pixels with its detector score. */
record Box(double x, double y, double width, double height, double score) {

    double centerX() {
        return x + width / 2;
    }

    double centerY() {
        return y + height / 2;
    }

    double area() {
        return Math.max(0, width) * Math.max(0, height);
    }

    double intersection(Box o) {
        double ix = Math.max(0, Math.min(x + width, o.x + o.width) - Math.max(x, o.x));
        double iy = Math.max(0, Math.min(y + height, o.y + o.height) - Math.max(y, o.y));
        return ix * iy;
    }

    double iou(Box o) {
        double inter = intersection(o);
        double union = area() + o.area() - inter;
        return union <= 0 ? 0 : inter / union;
    }
}

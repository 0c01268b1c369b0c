/** A decoded image as FFmpeg gives it: BGR24, three bytes per pixel, rows packed (no stride padding). */
record Bgr(int width, int height, byte[] pixels) {
}

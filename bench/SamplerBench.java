import io.affectra.media.RgbImage;
import io.affectra.media.geometry.ImageSampler;
import io.affectra.media.geometry.ImageWindow;
import io.affectra.media.geometry.ReferenceImageSampler;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.File;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.FloatBuffer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.function.Supplier;

/**
 * ImageSampler against the per-pixel reference arithmetic it replaced (src/test/.../ReferenceImageSampler), on the
 * model inputs Affectra samples: a 1920x1280 photograph (BlazeFace letterboxes, a face's FaceMesh and expression
 * crops, the tracking thumbnail) and a 720p frame (PoseNet letterbox, a turned hand crop). The two run in turn, round
 * after round in one process, so machine load falls on both alike; prints the median ns per output pixel of each and
 * their ratio, and the ms of one still's and of one video frame's sampling; both into float arrays and as the tensor
 * memory ONNX Runtime is handed (before: the array copied into a new direct buffer; after: sampled into one). Run by
 * bench/sampler.sh:
 *
 *   java -cp target/classes:target/test-classes bench/SamplerBench.java [ROUNDS] [MS_PER_ROUND]
 */
public class SamplerBench {

    /** {@code after} samples into a float array; {@code afterDirect} into the direct buffer the translators hand over. */
    record Case(String name, int pixels, Supplier<float[]> before, Supplier<float[]> after, Supplier<FloatBuffer> afterDirect) {
    }

    public static void main(String[] args) throws Exception {
        int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 9;
        long msPerRound = args.length > 1 ? Long.parseLong(args[1]) : 100;
        RgbImage photo = read(new File("src/test/resources/media/sample1.jpg"), 0, 0);
        RgbImage frame = read(new File("src/test/resources/media/sample1.jpg"), 1280, 720);

        // The middle face of sample1 ([817,434 231x231]) as FaceAnalyzer crops it: FaceMesh x1.4, expression x1.2.
        double cx = 817 + 231 / 2.0;
        double cy = 434 + 231 / 2.0;
        double mesh = 231 * 1.4;
        double expr = 231 * 1.2;
        // The detectors' letterbox as FaceAnalyzer.letterbox boxes it.
        double side = Math.max(photo.width(), photo.height());
        double lx = (photo.width() - side) / 2;
        double ly = (photo.height() - side) / 2;
        ImageWindow letterboxFrame = ImageWindow.letterbox(frame);
        ImageWindow hand = new ImageWindow(frame, 700, 500, 120, 0.6);
        List<Case> still = List.of(
                new Case("BlazeFace back 256 letterbox RGB (still)", 256 * 256,
                        () -> ReferenceImageSampler.rgb(photo, lx, ly, lx + side, ly + side, 256, 256, 1f / 127.5f, -1f),
                        () -> ImageSampler.rgb(photo, lx, ly, lx + side, ly + side, 256, 256, 1f / 127.5f, -1f),
                        () -> ImageSampler.rgbDirect(photo, lx, ly, lx + side, ly + side, 256, 256, 1f / 127.5f, -1f)),
                new Case("BlazeFace front 128 letterbox RGB (still)", 128 * 128,
                        () -> ReferenceImageSampler.rgb(photo, lx, ly, lx + side, ly + side, 128, 128, 1f / 127.5f, -1f),
                        () -> ImageSampler.rgb(photo, lx, ly, lx + side, ly + side, 128, 128, 1f / 127.5f, -1f),
                        () -> ImageSampler.rgbDirect(photo, lx, ly, lx + side, ly + side, 128, 128, 1f / 127.5f, -1f)),
                new Case("FaceMesh 192 face crop RGB", 192 * 192,
                        () -> ReferenceImageSampler.rgb(photo, cx - mesh / 2, cy - mesh / 2, cx + mesh / 2, cy + mesh / 2, 192, 192, 1f / 255f, 0f),
                        () -> ImageSampler.rgb(photo, cx - mesh / 2, cy - mesh / 2, cx + mesh / 2, cy + mesh / 2, 192, 192, 1f / 255f, 0f),
                        () -> ImageSampler.rgbDirect(photo, cx - mesh / 2, cy - mesh / 2, cx + mesh / 2, cy + mesh / 2, 192, 192, 1f / 255f, 0f)),
                new Case("FaceExpressionNet 112 face crop RGB", 112 * 112,
                        () -> ReferenceImageSampler.rgb(photo, cx - expr / 2, cy - expr / 2, cx + expr / 2, cy + expr / 2, 112, 112, 1f, 0f),
                        () -> ImageSampler.rgb(photo, cx - expr / 2, cy - expr / 2, cx + expr / 2, cy + expr / 2, 112, 112, 1f, 0f),
                        () -> ImageSampler.rgbDirect(photo, cx - expr / 2, cy - expr / 2, cx + expr / 2, cy + expr / 2, 112, 112, 1f, 0f)),
                new Case("mini-Xception 64 face crop gray", 64 * 64,
                        () -> ReferenceImageSampler.gray(photo, cx - expr / 2, cy - expr / 2, cx + expr / 2, cy + expr / 2, 64, 64, 2f, -1f),
                        () -> ImageSampler.gray(photo, cx - expr / 2, cy - expr / 2, cx + expr / 2, cy + expr / 2, 64, 64, 2f, -1f),
                        () -> ImageSampler.grayDirect(photo, cx - expr / 2, cy - expr / 2, cx + expr / 2, cy + expr / 2, 64, 64, 2f, -1f)));
        List<Case> video = List.of(
                new Case("PoseNet 385 letterbox RGB (720p)", 385 * 385,
                        () -> ReferenceImageSampler.rgb(letterboxFrame, 385, 1f / 127.5f, -1f),
                        () -> ImageSampler.rgb(letterboxFrame, 385, 1f / 127.5f, -1f),
                        () -> ImageSampler.rgbDirect(letterboxFrame, 385, 1f / 127.5f, -1f)),
                new Case("BlazeFace back 256 letterbox RGB (720p)", 256 * 256,
                        () -> ReferenceImageSampler.rgb(letterboxFrame, 256, 1f / 127.5f, -1f),
                        () -> ImageSampler.rgb(letterboxFrame, 256, 1f / 127.5f, -1f),
                        () -> ImageSampler.rgbDirect(letterboxFrame, 256, 1f / 127.5f, -1f)),
                new Case("BlazeFace front 128 letterbox RGB (720p)", 128 * 128,
                        () -> ReferenceImageSampler.rgb(letterboxFrame, 128, 1f / 127.5f, -1f),
                        () -> ImageSampler.rgb(letterboxFrame, 128, 1f / 127.5f, -1f),
                        () -> ImageSampler.rgbDirect(letterboxFrame, 128, 1f / 127.5f, -1f)),
                new Case("hand 224 turned crop RGB (720p)", 224 * 224,
                        () -> ReferenceImageSampler.rgb(hand, 224, 1f / 255f, 0f),
                        () -> ImageSampler.rgb(hand, 224, 1f / 255f, 0f),
                        () -> ImageSampler.rgbDirect(hand, 224, 1f / 255f, 0f)),
                new Case("tracking thumbnail 32x18 gray (720p)", 32 * 18,
                        () -> ReferenceImageSampler.gray(frame, 0, 0, frame.width(), frame.height(), 32, 18, 255f, 0f),
                        () -> ImageSampler.gray(frame, 0, 0, frame.width(), frame.height(), 32, 18, 255f, 0f),
                        () -> ImageSampler.grayDirect(frame, 0, 0, frame.width(), frame.height(), 32, 18, 255f, 0f)));
        List<Case> all = new ArrayList<>(still);
        all.addAll(video);
        for (Case c : all) {
            float[] direct = new float[c.afterDirect().get().remaining()];
            c.afterDirect().get().get(0, direct);
            if (!Arrays.equals(c.before().get(), c.after().get()) || !Arrays.equals(c.before().get(), direct)) {
                throw new IllegalStateException(c.name() + ": the samplers disagree");
            }
        }

        // Per case: before, after (arrays); before as ONNX Runtime got it (the array copied into a new direct buffer),
        // after as it gets it now (sampled into the direct buffer).
        List<List<Supplier<?>>> variants = new ArrayList<>();
        for (Case c : all) {
            variants.add(List.of(c.before(), c.after(), () -> copiedToDirect(c.before().get()), c.afterDirect()));
        }
        double[][][] ns = new double[all.size()][4][rounds];
        for (List<Supplier<?>> v : variants) { // warm-up, not counted
            for (Supplier<?> sampler : v) {
                nsPerCall(sampler, msPerRound);
            }
        }
        for (int r = 0; r < rounds; r++) {
            for (int i = 0; i < all.size(); i++) {
                for (int k = 0; k < 4; k++) {
                    ns[i][k][r] = nsPerCall(variants.get(i).get(k), msPerRound);
                }
            }
        }
        System.out.printf(Locale.ROOT, "%d rounds of %d ms per variant and case, medians; ratio = before / after%n%n", rounds, msPerRound);
        System.out.println("ns per output pixel. Arrays: the samplers alone, into a new float array. Tensor memory: what ONNX Runtime"
                + " is handed, before the array copied into a new direct buffer, after sampled straight into one.");
        System.out.println();
        System.out.println("| model input | output pixels | arrays before | arrays after | ratio | tensor memory before | tensor memory after | ratio |");
        System.out.println("|---|---|---|---|---|---|---|---|");
        double[][] totals = new double[2][4];
        for (int i = 0; i < all.size(); i++) {
            Case c = all.get(i);
            double[] m = new double[4];
            for (int k = 0; k < 4; k++) {
                m[k] = median(ns[i][k]);
                totals[i < still.size() ? 0 : 1][k] += m[k] / 1e6;
            }
            int n = c.pixels();
            System.out.printf(Locale.ROOT, "| %s | %d | %.2f | %.2f | %.2f | %.2f | %.2f | %.2f |%n", c.name(), n,
                    m[0] / n, m[1] / n, m[0] / m[1], m[2] / n, m[3] / n, m[2] / m[3]);
        }
        System.out.println();
        System.out.println("| ms per image, summed over its cases | arrays before | arrays after | ratio | tensor memory before | tensor memory after | ratio |");
        System.out.println("|---|---|---|---|---|---|---|");
        String[] names = {"still: both letterboxes + one face's three crops", "720p frame: PoseNet, both letterboxes, one hand, thumbnail"};
        for (int t = 0; t < 2; t++) {
            double[] m = totals[t];
            System.out.printf(Locale.ROOT, "| %s | %.3f | %.3f | %.2f | %.3f | %.3f | %.2f |%n", names[t], m[0], m[1], m[0] / m[1], m[2], m[3], m[2] / m[3]);
        }
    }

    /** What ONNX Runtime does with a heap float array: a new direct buffer in native order, the floats copied in. */
    private static FloatBuffer copiedToDirect(float[] data) {
        FloatBuffer out = ByteBuffer.allocateDirect(data.length * Float.BYTES).order(ByteOrder.nativeOrder()).asFloatBuffer();
        out.put(0, data);
        return out;
    }

    private static volatile float sink;

    /** Mean ns per call over about {@code ms} milliseconds of calls. */
    private static double nsPerCall(Supplier<?> sampler, long ms) {
        long end = System.nanoTime() + ms * 1_000_000;
        long start = System.nanoTime();
        long calls = 0;
        float acc = 0;
        long now;
        do {
            Object out = sampler.get();
            acc += out instanceof float[] a ? a[a.length / 2] : ((FloatBuffer) out).get(((FloatBuffer) out).remaining() / 2);
            calls++;
            now = System.nanoTime();
        } while (now < end);
        sink = acc;
        return (now - start) / (double) calls;
    }

    private static double median(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        int n = sorted.length;
        return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
    }

    /** The photograph as packed RGB; with a width and height, scaled to cover them and centre-cropped (a video frame). */
    private static RgbImage read(File file, int width, int height) throws Exception {
        BufferedImage image = javax.imageio.ImageIO.read(file);
        if (width > 0) {
            double s = Math.max(width / (double) image.getWidth(), height / (double) image.getHeight());
            int w = (int) Math.round(image.getWidth() * s);
            int h = (int) Math.round(image.getHeight() * s);
            BufferedImage scaled = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
            Graphics2D g = scaled.createGraphics();
            g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
            g.drawImage(image, (width - w) / 2, (height - h) / 2, w, h, null);
            g.dispose();
            image = scaled;
        }
        int w = image.getWidth();
        int h = image.getHeight();
        int[] px = image.getRGB(0, 0, w, h, null, 0, w);
        for (int i = 0; i < px.length; i++) {
            px[i] &= 0xFFFFFF;
        }
        return new RgbImage(w, h, px);
    }
}

import ai.onnxruntime.NodeInfo;
import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtSession;
import ai.onnxruntime.TensorInfo;
import java.awt.image.BufferedImage;
import java.nio.FloatBuffer;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import javax.imageio.ImageIO;

/**
 * Whether running crops of several requests as one batch would pay on this machine: each model Affectra ships, opened
 * as Affectra opens it (one inter-op and one intra-op thread), run on batches of 1, 2, 3, 4 and 8 copies of a crop of a
 * real photograph; prints the time per call and per item. A model whose converted graph fixes the batch at 1 can only
 * be run one crop at a time.
 *
 *   java -cp classes:ORT_JAR BatchSizes --image sample1.jpg [--encoders encoders] [--calls 200]
 */
public final class BatchSizes {

    private static final String[] MODELS = {"facemesh", "emotion", "face_expression", "blazeface-back", "blazeface-front", "posenet",
            "handlandmark-lite", "silero_vad_v5"};
    private static final int[] BATCHES = {1, 2, 3, 4, 8};

    public static void main(String[] args) throws Exception {
        Path image = Path.of(arg(args, "--image", "src/test/resources/media/sample1.jpg"));
        Path encoders = Path.of(arg(args, "--encoders", "encoders"));
        int calls = Integer.parseInt(arg(args, "--calls", "200"));
        BufferedImage photo = ImageIO.read(image.toFile());
        OrtEnvironment env = OrtEnvironment.getEnvironment();
        System.out.printf(Locale.ROOT, "%-18s %-22s %s%n", "model", "input", "ms per item at batch " + java.util.Arrays.toString(BATCHES));
        for (String id : MODELS) {
            try (OrtSession session = Models.session(env, encoders, id)) {
                Map.Entry<String, NodeInfo> input = session.getInputInfo().entrySet().iterator().next();
                long[] shape = ((TensorInfo) input.getValue().getInfo()).getShape();
                if (session.getInputInfo().size() > 1 || shape.length != 4) {
                    System.out.printf(Locale.ROOT, "%-18s %-22s not an image model (state or audio inputs): one call per chunk%n", id,
                            java.util.Arrays.toString(shape));
                    continue;
                }
                StringBuilder line = new StringBuilder();
                double single = 0;
                for (int batch : BATCHES) {
                    if (shape[0] != -1 && batch > 1) {
                        line.append(" | fixed at 1 in the graph");
                        break;
                    }
                    long[] dims = {batch, shape[1], shape[2], shape[3]};
                    double ms = timePerCall(env, session, input.getKey(), dims, crops(photo, dims), calls / batch + 10);
                    single = batch == 1 ? ms : single;
                    line.append(String.format(Locale.ROOT, " | %d: %.3f (%.2fx)", batch, ms / batch, single / (ms / batch)));
                }
                System.out.printf(Locale.ROOT, "%-18s %-22s%s%n", id, java.util.Arrays.toString(shape), line);
            }
        }
        System.out.println("(x: items per second against batch 1; above 1.00x a batch pays)");
    }

    /** Mean ms per run() after a warm-up of a tenth of the calls. */
    private static double timePerCall(OrtEnvironment env, OrtSession session, String name, long[] dims, float[] data, int calls)
            throws Exception {
        try (OnnxTensor tensor = OnnxTensor.createTensor(env, FloatBuffer.wrap(data), dims)) {
            for (int i = 0; i < Math.max(5, calls / 10); i++) {
                session.run(Map.of(name, tensor)).close();
            }
            long start = System.nanoTime();
            for (int i = 0; i < calls; i++) {
                session.run(Map.of(name, tensor)).close();
            }
            return (System.nanoTime() - start) / 1e6 / calls;
        }
    }

    /** Each batch item a different crop of the photograph (nearest pixel), channels last, scaled to [-1, 1]. */
    private static float[] crops(BufferedImage photo, long[] dims) {
        int n = (int) dims[0];
        int h = (int) dims[1];
        int w = (int) dims[2];
        int c = (int) dims[3];
        float[] out = new float[n * h * w * c];
        int side = Math.min(photo.getWidth(), photo.getHeight()) / 2;
        int p = 0;
        for (int b = 0; b < n; b++) {
            int x0 = (photo.getWidth() - side) * b / Math.max(1, n);
            int y0 = (photo.getHeight() - side) / 2;
            for (int y = 0; y < h; y++) {
                for (int x = 0; x < w; x++) {
                    int rgb = photo.getRGB(x0 + x * side / w, y0 + y * side / h);
                    for (int k = 0; k < c; k++) {
                        int v = c == 1 ? ((rgb >> 16 & 0xFF) + (rgb >> 8 & 0xFF) + (rgb & 0xFF)) / 3 : rgb >> (16 - 8 * k) & 0xFF;
                        out[p++] = v / 127.5f - 1;
                    }
                }
            }
        }
        return out;
    }

    private static String arg(String[] args, String name, String fallback) {
        for (int i = 0; i + 1 < args.length; i++) {
            if (args[i].equals(name)) {
                return args[i + 1];
            }
        }
        return fallback;
    }
}

import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OnnxValue;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.FloatBuffer;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * One worker's pipeline on one JPEG: decode, BlazeFace back (256) on the whole image letterboxed (and BlazeFace front
 * (128) when asked, as Affectra also runs it), weighted NMS, FaceMesh on each candidate's box x1.4 (the face flag
 * keeps it), then mini-Xception (64 gray) and FaceExpressionNet (112 RGB) on each face's box x1.2, averaged. Settings
 * are Affectra's defaults (affectra.encoders.face.*). Each model's input tensor is made once over a direct buffer
 * that is refilled per call: the steady state allocates no tensors, only the outputs ORT returns.
 */
final class Pipeline implements AutoCloseable {

    static final double MIN_SCORE = 0.55;
    static final double MIN_FACE_FLAG = 0.2;
    static final double NMS_IOU = 0.3;
    static final int MAX_FACES = 20;
    static final double MESH_CROP = 1.4;
    static final double EXPRESSION_CROP = 1.2;

    /** Nanoseconds spent in each stage, summed over the images this worker processed. */
    static final class Stages {
        long images;
        long decode;
        long detect;
        long landmarks;
        long expression;

        void add(Stages o) {
            images += o.images;
            decode += o.decode;
            detect += o.detect;
            landmarks += o.landmarks;
            expression += o.expression;
        }
    }

    /** A face found: its box and the averaged expression probabilities in each model's own label order. */
    record Face(Box box, double faceFlag, float[] miniXception, float[] faceApi) {
    }

    private static final float[] BACK_ANCHORS = BlazeFace.anchors(256);
    private static final float[] FRONT_ANCHORS = BlazeFace.anchors(128);

    private final Models models;
    private final Input back;
    private final Input front;
    private final Input mesh;
    private final Input mini;
    private final Input faceApi;
    private final float[] scratch = new float[256 * 256 * 3];
    final Stages stages = new Stages();

    Pipeline(OrtEnvironment env, Models models) throws OrtException {
        this.models = models;
        this.back = new Input(env, models.back(), 256, 3);
        this.front = models.front() == null ? null : new Input(env, models.front(), 128, 3);
        this.mesh = new Input(env, models.mesh(), 192, 3);
        this.mini = new Input(env, models.miniXception(), 64, 1);
        this.faceApi = new Input(env, models.faceApi(), 112, 3);
    }

    List<Face> run(byte[] jpeg) throws OrtException {
        long t0 = System.nanoTime();
        Bgr image = JpegDecoder.decode(jpeg);
        long t1 = System.nanoTime();

        double side = Math.max(image.width(), image.height());
        double x0 = (image.width() - side) / 2;
        double y0 = (image.height() - side) / 2;
        List<Box> candidates = new ArrayList<>();
        detect(image, back, BACK_ANCHORS, x0, y0, side, candidates);
        if (front != null) {
            detect(image, front, FRONT_ANCHORS, x0, y0, side, candidates);
        }
        candidates = BlazeFace.nms(candidates, NMS_IOU, MAX_FACES * 3);
        long t2 = System.nanoTime();

        List<Box> faces = new ArrayList<>();
        List<Double> flags = new ArrayList<>();
        for (Box c : candidates) {
            double flag = faceFlag(image, c);
            if (flag >= MIN_FACE_FLAG && faces.size() < MAX_FACES) {
                faces.add(c);
                flags.add(flag);
            }
        }
        long t3 = System.nanoTime();

        List<Face> found = new ArrayList<>();
        for (int i = 0; i < faces.size(); i++) {
            Box f = faces.get(i);
            double s = Math.max(f.width(), f.height()) * EXPRESSION_CROP;
            double cx0 = f.centerX() - s / 2;
            double cy0 = f.centerY() - s / 2;
            Sampler.gray(image, cx0, cy0, cx0 + s, cy0 + s, 64, 64, 2f, -1f, scratch);
            float[] a = mini.run(scratch).get(0);
            Sampler.rgb(image, cx0, cy0, cx0 + s, cy0 + s, 112, 112, 1f, 0f, scratch);
            float[] b = faceApi.run(scratch).get(0);
            found.add(new Face(f, flags.get(i), a, b));
        }
        long t4 = System.nanoTime();
        found.sort(Comparator.comparingDouble(f -> f.box().centerX()));

        stages.images++;
        stages.decode += t1 - t0;
        stages.detect += t2 - t1;
        stages.landmarks += t3 - t2;
        stages.expression += t4 - t3;
        return found;
    }

    private void detect(Bgr image, Input in, float[] anchors, double x0, double y0, double side, List<Box> into) throws OrtException {
        Sampler.rgb(image, x0, y0, x0 + side, y0 + side, in.size, in.size, 1f / 127.5f, -1f, scratch);
        List<float[]> outputs = in.run(scratch);
        List<long[]> shapes = in.outputShapes;
        int total = anchors.length / 2;
        float[] boxes = new float[total * 16];
        float[] logits = new float[total];
        // Four outputs, told apart by shape as Affectra does: [1,512|384,16] boxes, [1,512|384,1] logits.
        for (int k = 0; k < outputs.size(); k++) {
            float[] v = outputs.get(k);
            long[] shape = shapes.get(k);
            int offset = shape[1] == 512 ? 0 : 512;
            if (shape[2] == 16) {
                System.arraycopy(v, 0, boxes, offset * 16, v.length);
            } else {
                System.arraycopy(v, 0, logits, offset, v.length);
            }
        }
        BlazeFace.decode(anchors, boxes, logits, in.size, x0, y0, side, MIN_SCORE, into);
    }

    private double faceFlag(Bgr image, Box c) throws OrtException {
        double s = Math.max(c.width(), c.height()) * MESH_CROP;
        double mx0 = c.centerX() - s / 2;
        double my0 = c.centerY() - s / 2;
        Sampler.rgb(image, mx0, my0, mx0 + s, my0 + s, 192, 192, 1f / 255f, 0f, scratch);
        List<float[]> outputs = mesh.run(scratch);
        double flag = Double.NaN;
        for (float[] v : outputs) {
            if (v.length == 1) {
                flag = v[0];
            }
        }
        return flag;
    }

    @Override
    public void close() throws OrtException {
        for (Input in : new Input[] {back, front, mesh, mini, faceApi}) {
            if (in != null) {
                in.close();
            }
        }
    }

    /** A model's one input: a [1,size,size,channels] tensor over a direct buffer, refilled before every run. */
    private static final class Input implements AutoCloseable {
        final int size;
        final OrtSession session;
        final String name;
        final FloatBuffer buffer;
        final OnnxTensor tensor;
        final List<long[]> outputShapes = new ArrayList<>();

        Input(OrtEnvironment env, OrtSession session, int size, int channels) throws OrtException {
            this.size = size;
            this.session = session;
            this.name = session.getInputNames().iterator().next();
            this.buffer = ByteBuffer.allocateDirect(size * size * channels * Float.BYTES).order(ByteOrder.nativeOrder()).asFloatBuffer();
            this.tensor = OnnxTensor.createTensor(env, buffer, new long[] {1, size, size, channels});
        }

        /** Every output, flattened, in the session's output order (their shapes in {@link #outputShapes}). */
        List<float[]> run(float[] data) throws OrtException {
            buffer.put(0, data, 0, buffer.capacity());
            try (OrtSession.Result result = session.run(Map.of(name, tensor))) {
                List<float[]> out = new ArrayList<>(result.size());
                boolean shapes = outputShapes.isEmpty();
                for (Map.Entry<String, OnnxValue> e : result) {
                    OnnxTensor t = (OnnxTensor) e.getValue();
                    FloatBuffer fb = t.getFloatBuffer();
                    float[] v = new float[fb.remaining()];
                    fb.get(v);
                    out.add(v);
                    if (shapes) {
                        outputShapes.add(t.getInfo().getShape());
                    }
                }
                return out;
            }
        }

        @Override
        public void close() {
            tensor.close();
        }
    }
}

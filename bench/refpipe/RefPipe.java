import ai.onnxruntime.OrtEnvironment;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The bare reference pipeline: Affectra's face models on ONNX Runtime's Java API, no DJL, no Quarkus, no HTTP, no
 * database. By default it does the model work Affectra does on a still with body language off (both BlazeFace
 * detectors); {@code --front false} leaves out the short-range one, which makes different boxes. Prints the faces it
 * finds on the image, then for each worker count: images/s over a fixed time after a warm-up, and the mean time per
 * image of each stage (decode, detect, landmarks, expression) as the workers saw it.
 * With --compare, checks its faces against an Affectra response for the same image instead of timing.
 *
 *   java -cp ... RefPipe --image src/test/resources/media/sample1.jpg --workers 1,2 --seconds 10 --warmup 10
 *       [--front false] [--own-sessions true] [--encoders encoders] [--compare affectra-response.json]
 */
public final class RefPipe {

    public static void main(String[] args) throws Exception {
        Map<String, String> a = new TreeMap<>();
        for (int i = 0; i + 1 < args.length; i += 2) {
            a.put(args[i].replaceFirst("^--", ""), args[i + 1]);
        }
        Path image = Path.of(a.getOrDefault("image", "src/test/resources/media/sample1.jpg"));
        Path encoders = Path.of(a.getOrDefault("encoders", "encoders"));
        // Affectra runs the short-range detector beside the long-range one and blends their boxes: without it the crops differ.
        boolean front = Boolean.parseBoolean(a.getOrDefault("front", "true"));
        boolean ownSessions = Boolean.parseBoolean(a.getOrDefault("own-sessions", "false"));
        double seconds = Double.parseDouble(a.getOrDefault("seconds", "10"));
        int warmup = Integer.parseInt(a.getOrDefault("warmup", "10"));
        byte[] jpeg = Files.readAllBytes(image);

        OrtEnvironment env = OrtEnvironment.getEnvironment();
        Models shared = Models.open(env, encoders, front);
        String detectors = front ? "BlazeFace back 256 + front 128" : "BlazeFace back 256";
        List<Pipeline.Face> faces;
        try (Pipeline once = new Pipeline(env, shared)) {
            faces = once.run(jpeg);
        }
        if (a.containsKey("compare")) {
            System.exit(AffectraCheck.compare(faces, Files.readString(Path.of(a.get("compare"))), detectors) ? 0 : 1);
        }
        System.out.printf(Locale.ROOT, "bare pipeline: %s, FaceMesh face flag, mini-Xception + FaceExpressionNet; %s (%d bytes)%n",
                detectors, image, jpeg.length);
        System.out.printf(Locale.ROOT, "ONNX Runtime %s, 1 intra-op thread per session, sessions %s; %d faces:%s%n", env.getVersion(),
                ownSessions ? "per worker" : "shared by the workers", faces.size(), AffectraCheck.describe(faces));
        for (String level : a.getOrDefault("workers", "1,2").split(",")) {
            run(env, shared, encoders, front, ownSessions, Integer.parseInt(level.trim()), jpeg, warmup, seconds);
        }
        shared.close();
    }

    private static void run(OrtEnvironment env, Models shared, Path encoders, boolean front, boolean ownSessions, int workers, byte[] jpeg,
            int warmup, double seconds) throws Exception {
        List<Models> own = new ArrayList<>();
        List<Pipeline> pipelines = new ArrayList<>();
        for (int w = 0; w < workers; w++) {
            Models m = ownSessions ? Models.open(env, encoders, front) : shared;
            if (ownSessions) {
                own.add(m);
            }
            pipelines.add(new Pipeline(env, m));
        }
        CyclicBarrier start = new CyclicBarrier(workers + 1);
        AtomicBoolean stop = new AtomicBoolean();
        List<Thread> threads = new ArrayList<>();
        Throwable[] failure = new Throwable[1];
        for (Pipeline p : pipelines) {
            threads.add(Thread.ofPlatform().name("refpipe-worker").start(() -> {
                try {
                    for (int i = 0; i < warmup; i++) {
                        p.run(jpeg);
                    }
                    p.stages.images = p.stages.decode = p.stages.detect = p.stages.landmarks = p.stages.expression = 0;
                    start.await();
                    while (!stop.get()) {
                        p.run(jpeg);
                    }
                } catch (Throwable t) {
                    failure[0] = t;
                    stop.set(true);
                    start.reset();
                }
            }));
        }
        start.await();
        long t0 = System.nanoTime();
        Thread.sleep((long) (seconds * 1000));
        stop.set(true);
        for (Thread t : threads) {
            t.join();
        }
        // Images that finished after the stop flag still count: the clock runs until the last one is done.
        double elapsed = (System.nanoTime() - t0) / 1e9;
        if (failure[0] != null) {
            throw new IllegalStateException("a worker failed", failure[0]);
        }
        Pipeline.Stages sum = new Pipeline.Stages();
        for (Pipeline p : pipelines) {
            sum.add(p.stages);
            p.close();
        }
        for (Models m : own) {
            m.close();
        }
        double n = sum.images;
        System.out.printf(Locale.ROOT, "%nworkers %d: %.2f images/s (%d images in %.1f s after %d warm-up per worker)%n", workers, n / elapsed,
                sum.images, elapsed, warmup);
        System.out.printf(Locale.ROOT, "  mean ms per image: decode %.2f, detect %.2f, landmarks %.2f, expression %.2f, total %.2f%n",
                sum.decode / n / 1e6, sum.detect / n / 1e6, sum.landmarks / n / 1e6, sum.expression / n / 1e6,
                (sum.decode + sum.detect + sum.landmarks + sum.expression) / n / 1e6);
    }
}

import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Predicate;
import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordedFrame;
import jdk.jfr.consumer.RecordingFile;

/**
 * Where the CPU of one analysed clip goes, per sampled frame, from a JFR recording made with JDK 25's CPU-time sampler
 * (jdk.CPUTimeSample: each Java thread every 10 ms of its own CPU, native code included) plus the GC threads' CPU
 * (jdk.GCCPUTime), counted between two instants (the clip's request). FFmpeg's decoding threads are native threads the
 * sampler does not see: their CPU is passed in, as ffmpeg itself spends it decoding the same clip. Each sample goes to
 * the first category whose pattern occurs in its stack.
 *
 *   java bench/VideoBreakdown.java recording.jfr FROM_EPOCH_S TO_EPOCH_S SAMPLED_FRAMES DECODE_CPU_S
 */
public final class VideoBreakdown {

    private record Category(String name, boolean inference, Predicate<List<String>> matches) {
    }

    private static Predicate<List<String>> both(String a, String b) {
        return stack -> stack.stream().anyMatch(f -> f.contains(a)) && stack.stream().anyMatch(f -> f.contains(b));
    }

    private static Predicate<List<String>> any(String... patterns) {
        return stack -> stack.stream().anyMatch(f -> {
            for (String p : patterns) {
                if (f.contains(p)) {
                    return true;
                }
            }
            return false;
        });
    }

    private static final String RUN = "ai.onnxruntime.OrtSession.run";

    private static final List<Category> CATEGORIES = List.of(
            new Category("hand-landmark inference", true, both(RUN, "BodyAnalyzer.hands")),
            new Category("PoseNet inference", true, both(RUN, "BodyAnalyzer.")),
            new Category("face models' inference (both detectors, FaceMesh, both expression models)", true, both(RUN, "FaceAnalyzer.")),
            new Category("Silero VAD inference", true, both(RUN, "VoiceSession.")),
            new Category("other inference", true, any(RUN)),
            new Category("model inputs: crops and letterboxes (ImageSampler)", false, any("ImageSampler.")),
            new Category("tensors in and out (DJL NDArrays, ORT tensor copies)", false, any("ai.djl.", "ai.onnxruntime.OnnxTensor")),
            new Category("decoded frames into the pipeline's pixels (AvDecoder.toRgb)", false, any("AvDecoder.toRgb")),
            new Category("FFmpeg called from Java threads (demuxing, audio, conversion)", false, any("org.bytedeco.")),
            new Category("prosody (pitch, level)", false, any("encoder.audio.")),
            new Category("body decoding, tracking, gestures", false, any("encoder.body.")),
            new Category("face post-processing, tracks", false, any("encoder.face.")),
            new Category("other Affectra code", false, any("io.affectra.")),
            new Category("other (JIT, HTTP, JVM)", false, stack -> true));

    public static void main(String[] args) throws Exception {
        Instant from = Instant.ofEpochMilli(Math.round(Double.parseDouble(args[1]) * 1000));
        Instant to = Instant.ofEpochMilli(Math.round(Double.parseDouble(args[2]) * 1000));
        int frames = Integer.parseInt(args[3]);
        double decodeMs = Double.parseDouble(args[4]) * 1000;
        Map<String, Double> ms = new LinkedHashMap<>();
        CATEGORIES.forEach(c -> ms.put(c.name(), 0.0));
        double gcMs = 0;
        long lost = 0;
        try (RecordingFile in = new RecordingFile(Path.of(args[0]))) {
            while (in.hasMoreEvents()) {
                RecordedEvent e = in.readEvent();
                if (e.getStartTime().isBefore(from) || e.getStartTime().isAfter(to)) {
                    continue;
                }
                switch (e.getEventType().getName()) {
                    case "jdk.GCCPUTime" -> gcMs += (e.getLong("userTime") + e.getLong("systemTime")) / 1e6;
                    case "jdk.CPUTimeSamplesLost" -> lost += e.getLong("lostSamples");
                    case "jdk.CPUTimeSample" -> {
                        List<String> stack = new ArrayList<>();
                        if (e.getStackTrace() != null) {
                            for (RecordedFrame f : e.getStackTrace().getFrames()) {
                                stack.add(f.getMethod().getType().getName() + "." + f.getMethod().getName());
                            }
                        }
                        double period = e.getDuration("samplingPeriod").toNanos() / 1e6;
                        for (Category c : CATEGORIES) {
                            if (c.matches().test(stack)) {
                                ms.merge(c.name(), period, Double::sum);
                                break;
                            }
                        }
                    }
                    default -> {
                    }
                }
            }
        }
        double wallMs = java.time.Duration.between(from, to).toNanos() / 1e6;
        double inference = 0;
        double total = gcMs + decodeMs;
        System.out.printf(Locale.ROOT, "%-80s %8s%n", "CPU ms per sampled frame (" + frames + " frames)", "ms");
        for (Category c : CATEGORIES) {
            double v = ms.get(c.name()) / frames;
            total += ms.get(c.name());
            inference += c.inference() ? v : 0;
            if (v >= 0.05) {
                System.out.printf(Locale.ROOT, "%-80s %8.2f%n", c.name(), v);
            }
        }
        System.out.printf(Locale.ROOT, "%-80s %8.2f%n", "FFmpeg's video decoding threads (native, measured apart)", decodeMs / frames);
        System.out.printf(Locale.ROOT, "%-80s %8.2f%n", "garbage collector threads (jdk.GCCPUTime)", gcMs / frames);
        System.out.printf(Locale.ROOT, "%-80s %8.2f%n", "total CPU", total / frames);
        int cores = Runtime.getRuntime().availableProcessors();
        System.out.printf(Locale.ROOT, "%nwall ms per sampled frame: %.2f; cores busy on average: %.2f of %d; %d samples lost%n", wallMs / frames,
                total / wallMs, cores, lost);
        System.out.printf(Locale.ROOT, "models' own inference: %.2f ms of CPU per sampled frame, %.2f ms on %d cores at best: the pipeline "
                + "takes %.2fx that limit%n", inference, inference / cores, cores, wallMs / frames / (inference / cores));
    }
}

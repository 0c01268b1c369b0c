import java.nio.file.Path;
import java.time.Duration;
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
 * Where the CPU goes, per image, from JFR recordings made with JDK 25's CPU-time sampler (jdk.CPUTimeSample, which
 * samples each Java thread every 10 ms of its own CPU time, native code included) plus the GC threads' CPU time
 * (jdk.GCCPUTime). Only the part of a recording in which images were being processed counts: from the first to the
 * last sample whose stack holds {@code marker} (AnalysisService.analyze for Affectra, Pipeline.run for the bare
 * pipeline). Each sample goes to the first category whose pattern occurs anywhere in its stack, so that, say,
 * Jackson under AnalysisStore counts as the store. Prints one column per recording:
 *
 *   java ProfileBreakdown affectra.jfr:AnalysisService.analyze:415 bare.jfr:Pipeline.run:231
 *   (file:marker:images, images being how many the recording processed in that window)
 */
public final class ProfileBreakdown {

    private record Category(String name, Predicate<String> matches) {
    }

    private static Category any(String name, String... patterns) {
        return new Category(name, frame -> {
            for (String p : patterns) {
                if (frame.contains(p)) {
                    return true;
                }
            }
            return false;
        });
    }

    private static final List<Category> CATEGORIES = List.of(
            any("ONNX Runtime inference (OrtSession.run)", "ai.onnxruntime.OrtSession.run"),
            any("model inputs: crop and resize (ImageSampler / Sampler)", "ImageSampler.sample", "Sampler.sample"),
            any("JPEG decode in FFmpeg (javacv grabber, native)", "org.bytedeco."),
            any("decoded pixels into the pipeline's format (AvDecoder.toRgb / one copy)", "AvDecoder.toRgb", "JpegDecoder.decode"),
            any("JPEG header and EXIF through ImageIO (incl. colour transform)", "javax.imageio.", "com.sun.imageio.", "sun.java2d.cmm.",
                    "ExifOrientation.", "MediaSniffer."),
            any("tensors in and out (DJL NDArrays, ORT tensor copies)", "ai.djl.", "ai.onnxruntime.OnnxTensor", "Pipeline$Input.run"),
            any("BlazeFace decoding and NMS, FaceMesh, expression post-processing", "BlazeFaceTranslator.", "NonMaxSuppression.",
                    "FaceMeshTranslator.", "ExpressionTranslator.", "BlazeFace.", "ActionUnitProxies."),
            any("store: result JSON, H2 insert, transaction", "AnalysisStore.", "org.h2.", "org.hibernate.", "com.arjuna.", "io.agroal."),
            any("reasoning, prompt and local backend", "io.affectra.reasoning.", "io.affectra.llm.", "io.affectra.prompt."),
            any("metrics (Micrometer)", "io.micrometer."),
            any("hashing (sha256 of the upload)", "Sha256.", "sun.security.provider."),
            any("response JSON (Jackson)", "com.fasterxml.jackson."),
            any("reading the upload (file from the multipart part)", "ImageDecoder.read", "Files.readAllBytes"),
            any("HTTP, multipart parsing, request dispatch (Vert.x, RESTEasy)", "io.vertx.", "io.netty.", "org.jboss.resteasy.",
                    "io.quarkus.vertx."),
            any("other Affectra code", "io.affectra."),
            any("thread hand-offs and waits (executors, locks)", "java.util.concurrent."),
            any("other", ""));

    private record Column(String label, Map<String, Double> msPerImage, double gcMsPerImage, double seconds, long samples, long lost,
            int images) {
    }

    public static void main(String[] args) throws Exception {
        List<Column> columns = new ArrayList<>();
        for (String arg : args) {
            String[] p = arg.split(":");
            columns.add(read(Path.of(p[0]), p[1], Integer.parseInt(p[2])));
        }
        System.out.printf(Locale.ROOT, "%-74s", "CPU ms per image");
        columns.forEach(c -> System.out.printf(Locale.ROOT, " %12s", c.label()));
        System.out.println();
        for (Category cat : CATEGORIES) {
            if (columns.stream().allMatch(c -> c.msPerImage().getOrDefault(cat.name(), 0.0) < 0.05)) {
                continue;
            }
            System.out.printf(Locale.ROOT, "%-74s", cat.name());
            columns.forEach(c -> System.out.printf(Locale.ROOT, " %12.2f", c.msPerImage().getOrDefault(cat.name(), 0.0)));
            System.out.println();
        }
        System.out.printf(Locale.ROOT, "%-74s", "garbage collector threads (jdk.GCCPUTime)");
        columns.forEach(c -> System.out.printf(Locale.ROOT, " %12.2f", c.gcMsPerImage()));
        System.out.println();
        System.out.printf(Locale.ROOT, "%-74s", "total");
        columns.forEach(c -> System.out.printf(Locale.ROOT, " %12.2f",
                c.msPerImage().values().stream().mapToDouble(Double::doubleValue).sum() + c.gcMsPerImage()));
        System.out.println();
        for (Column c : columns) {
            System.out.printf(Locale.ROOT, "%s: %d images in a %.1f s window, %d CPU samples (10 ms each), %d lost%n", c.label(), c.images(),
                    c.seconds(), c.samples(), c.lost());
        }
    }

    private static Column read(Path file, String marker, int images) throws Exception {
        List<RecordedEvent> samples = new ArrayList<>();
        List<RecordedEvent> gc = new ArrayList<>();
        List<RecordedEvent> lostEvents = new ArrayList<>();
        try (RecordingFile in = new RecordingFile(file)) {
            while (in.hasMoreEvents()) {
                RecordedEvent e = in.readEvent();
                switch (e.getEventType().getName()) {
                    case "jdk.CPUTimeSample" -> samples.add(e);
                    case "jdk.GCCPUTime" -> gc.add(e);
                    case "jdk.CPUTimeSamplesLost" -> lostEvents.add(e);
                    default -> {
                    }
                }
            }
        }
        Instant from = null;
        Instant to = null;
        for (RecordedEvent e : samples) {
            if (stack(e).stream().anyMatch(f -> f.contains(marker))) {
                Instant t = e.getStartTime();
                from = from == null || t.isBefore(from) ? t : from;
                to = to == null || t.isAfter(to) ? t : to;
            }
        }
        if (from == null) {
            throw new IllegalArgumentException(file + ": no sample holds " + marker + " (was jdk.CPUTimeSample enabled?)");
        }
        Map<String, Double> ms = new LinkedHashMap<>();
        long counted = 0;
        for (RecordedEvent e : samples) {
            if (e.getStartTime().isBefore(from) || e.getStartTime().isAfter(to)) {
                continue;
            }
            List<String> frames = stack(e);
            double period = e.getDuration("samplingPeriod").toNanos() / 1e6;
            for (Category cat : CATEGORIES) {
                if (frames.stream().anyMatch(cat.matches()) || cat.name().equals("other")) {
                    ms.merge(cat.name(), period / images, Double::sum);
                    break;
                }
            }
            counted++;
        }
        double gcMs = 0;
        for (RecordedEvent e : gc) {
            if (!e.getStartTime().isBefore(from) && !e.getStartTime().isAfter(to)) {
                gcMs += (e.getDuration("userTime").toNanos() + e.getDuration("systemTime").toNanos()) / 1e6;
            }
        }
        long lost = 0;
        for (RecordedEvent e : lostEvents) {
            if (!e.getStartTime().isBefore(from) && !e.getStartTime().isAfter(to)) {
                lost += e.getLong("lostSamples");
            }
        }
        String label = file.getFileName().toString().replaceFirst("\\.jfr$", "");
        return new Column(label, ms, gcMs / images, Duration.between(from, to).toMillis() / 1000.0, counted, lost, images);
    }

    private static List<String> stack(RecordedEvent e) {
        List<String> out = new ArrayList<>();
        if (e.getStackTrace() == null) {
            return out;
        }
        for (RecordedFrame f : e.getStackTrace().getFrames()) {
            out.add(f.getMethod().getType().getName() + "." + f.getMethod().getName());
        }
        return out;
    }
}

import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The five face models, opened from encoders/ by their manifests (file and sha256 checked, so these are the bytes
 * Affectra ships), each as one ONNX Runtime session with the options Affectra's ModelRepository gives DJL: one
 * inter-op and one intra-op thread, everything else ORT's default. A session's run() may be called from several
 * threads at once, so workers share them unless asked to open their own.
 */
record Models(OrtSession back, OrtSession front, OrtSession mesh, OrtSession miniXception, OrtSession faceApi) implements AutoCloseable {

    private static final Pattern FILE = Pattern.compile("\"file\"\\s*:\\s*\"([^\"]+)\"");
    private static final Pattern SHA = Pattern.compile("\"sha256\"\\s*:\\s*\"([0-9a-fA-F]{64})\"");

    static Models open(OrtEnvironment env, Path encoders, boolean front) throws Exception {
        return new Models(session(env, encoders, "blazeface-back"), front ? session(env, encoders, "blazeface-front") : null,
                session(env, encoders, "facemesh"), session(env, encoders, "emotion"), session(env, encoders, "face_expression"));
    }

    static OrtSession session(OrtEnvironment env, Path encoders, String id) throws Exception {
        String manifest = Files.readString(encoders.resolve(id + ".json"));
        Matcher file = FILE.matcher(manifest);
        Matcher sha = SHA.matcher(manifest);
        if (!file.find() || !sha.find()) {
            throw new IllegalStateException("manifest " + id + ".json names no file or sha256");
        }
        byte[] bytes = Files.readAllBytes(encoders.resolve(file.group(1)));
        String actual = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        if (!actual.equalsIgnoreCase(sha.group(1))) {
            throw new IllegalStateException(id + ": sha256 " + actual + " is not the manifest's " + sha.group(1));
        }
        try (OrtSession.SessionOptions options = new OrtSession.SessionOptions()) {
            options.setInterOpNumThreads(1);
            options.setIntraOpNumThreads(1);
            return env.createSession(bytes, options);
        }
    }

    @Override
    public void close() throws OrtException {
        for (OrtSession s : new OrtSession[] {back, front, mesh, miniXception, faceApi}) {
            if (s != null) {
                s.close();
            }
        }
    }
}

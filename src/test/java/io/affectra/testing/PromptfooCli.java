package io.affectra.testing;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;

/**
 * promptfoo's own command line, for interoperability tests: the copy CI installs into the cache
 * ({@code npm install --prefix ~/.cache/affectra/promptfoo-<version> promptfoo@<version>}, see .ci/run), else
 * {@code npx --yes promptfoo@<version>}. Each command runs with HOME and PROMPTFOO_CONFIG_DIR in a folder of the
 * test's, so its database starts empty and nothing of the user's is read or written; telemetry and update checks are
 * off. A test is skipped (not failed) only when there is no npx or the package cannot be installed.
 */
public final class PromptfooCli {

    /** The promptfoo release whose import the export is written for (the last that runs on Node 20). */
    public static final String VERSION = "0.121.20";

    /** What one command did: its exit status and everything it printed. */
    public record Result(int exit, String output) {
    }

    private final List<String> command;
    private final Path home;

    private PromptfooCli(List<String> command, Path home) {
        this.command = command;
        this.home = home;
    }

    /** The cache folder .ci/run installs into. */
    public static Path cacheDir() {
        String xdg = System.getenv("XDG_CACHE_HOME");
        Path cache = xdg != null && !xdg.isBlank() ? Path.of(xdg) : Path.of(System.getProperty("user.home"), ".cache");
        return cache.resolve("affectra").resolve("promptfoo-" + VERSION);
    }

    /** The installed copy, else npx; skips the calling test when neither can run promptfoo. */
    public static PromptfooCli find(Path work) throws IOException, InterruptedException {
        Path home = Files.createDirectories(work.resolve("home"));
        Path installed = cacheDir().resolve("node_modules").resolve(".bin").resolve("promptfoo");
        PromptfooCli cli;
        if (Files.isExecutable(installed)) {
            cli = new PromptfooCli(List.of(installed.toString()), home);
        } else {
            Assumptions.assumeTrue(onPath("npx"), "npx is not on the PATH, so promptfoo " + VERSION + " cannot run");
            cli = new PromptfooCli(List.of("npx", "--yes", "promptfoo@" + VERSION), home);
        }
        Result version = cli.run(10, "--version");
        Assumptions.assumeTrue(version.exit() == 0 && version.output().contains(VERSION),
                "promptfoo " + VERSION + " could not be installed or run: " + tail(version.output()));
        return cli;
    }

    /** Runs {@code promptfoo ARGS} and waits for it, at most {@code minutes}. */
    public Result run(int minutes, String... args) throws IOException, InterruptedException {
        List<String> line = new ArrayList<>(command);
        line.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(line).redirectErrorStream(true).directory(home.toFile());
        Map<String, String> env = pb.environment();
        // npx keeps its downloads in the npm cache; point it at the user's, not at the empty HOME.
        env.putIfAbsent("npm_config_cache", Path.of(System.getProperty("user.home"), ".npm").toString());
        env.put("HOME", home.toString());
        env.put("PROMPTFOO_CONFIG_DIR", home.resolve(".promptfoo").toString());
        env.put("PROMPTFOO_DISABLE_TELEMETRY", "1");
        env.put("PROMPTFOO_DISABLE_UPDATE", "1");
        env.put("PROMPTFOO_DISABLE_SHARING", "1");
        env.put("NO_COLOR", "1");
        Path log = Files.createTempFile(home, "promptfoo", ".log");
        pb.redirectOutput(log.toFile());
        Process p = pb.start();
        if (!p.waitFor(minutes, TimeUnit.MINUTES)) {
            p.destroyForcibly();
            p.waitFor();
            return new Result(124, Files.readString(log, StandardCharsets.UTF_8) + "\n(timed out after " + minutes + " min)");
        }
        return new Result(p.exitValue(), Files.readString(log, StandardCharsets.UTF_8));
    }

    private static boolean onPath(String program) {
        String path = System.getenv("PATH");
        if (path == null) {
            return false;
        }
        for (String dir : path.split(java.io.File.pathSeparator)) {
            if (Files.isExecutable(Path.of(dir, program))) {
                return true;
            }
        }
        return false;
    }

    private static String tail(String output) {
        return output.length() <= 2000 ? output : output.substring(output.length() - 2000);
    }
}

package io.affectra.prompt;

import io.quarkus.runtime.util.ClassPathUtils;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

/** Every file under a {@code prompts/} folder, by its path inside it ({@code emotion/direct.md}). */
final class PromptFiles {

    static final String ROOT = "prompts";

    private PromptFiles() {
    }

    /** The {@code prompts/} folder on the classpath (the repository's top-level folder, packaged as is). */
    static Map<String, byte[]> onClasspath() {
        Map<String, byte[]> files = new TreeMap<>();
        try {
            ClassPathUtils.consumeAsPaths(Thread.currentThread().getContextClassLoader(), ROOT, root -> read(root, files));
        } catch (IOException e) {
            throw new PromptException("cannot list " + ROOT + "/ on the classpath: " + e.getMessage());
        }
        if (files.isEmpty()) {
            throw new PromptException("no " + ROOT + "/ folder with templates on the classpath");
        }
        return files;
    }

    /** A folder on disk. */
    static Map<String, byte[]> inFolder(Path root) {
        Map<String, byte[]> files = new TreeMap<>();
        read(root, files);
        return files;
    }

    private static void read(Path root, Map<String, byte[]> files) {
        try (Stream<Path> walk = Files.walk(root)) {
            for (Path file : walk.filter(Files::isRegularFile).toList()) {
                // The first folder on the classpath wins, as with any resource.
                files.putIfAbsent(root.relativize(file).toString().replace('\\', '/'), Files.readAllBytes(file));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + root, e);
        }
    }
}

package io.affectra.eval;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Where a dataset's media lives: relative paths resolve against the dataset's folder (the built-in sets' folder, or
 * {@code mediaDir} for an upload), and every resolved file must lie inside the media root, so that a dataset cannot
 * make the server read arbitrary files. Containment is checked on real paths (symbolic links followed), so a link
 * inside the root that points out of it is refused, and the file handed on is the real one that was checked.
 */
public final class MediaResolver {

    private final Path root;
    private final Path base;

    /**
     * @param root the media root (affectra.eval.media-root)
     * @param base the dataset's folder, absolute or relative to the root
     */
    public MediaResolver(Path root, Path base) {
        this.root = real(root.toAbsolutePath().normalize());
        Path b = base == null ? this.root : (base.isAbsolute() ? base : this.root.resolve(base));
        this.base = real(b.toAbsolutePath().normalize());
        if (!this.base.startsWith(this.root)) {
            throw new InvalidDatasetException("mediaDir " + base + " lies outside the media root " + this.root);
        }
    }

    public Path base() {
        return base;
    }

    /** @throws InvalidDatasetException when the file is outside the root (as named, or once links are followed) or missing */
    public Path resolve(String media) {
        Path p = Path.of(media);
        Path resolved = (p.isAbsolute() ? p : base.resolve(p)).toAbsolutePath().normalize();
        if (!resolved.startsWith(root)) {
            throw new InvalidDatasetException("media '" + media + "' lies outside the media root " + root);
        }
        if (!Files.isRegularFile(resolved)) {
            throw new InvalidDatasetException("media '" + media + "' not found (looked at " + resolved + ")");
        }
        Path real = real(resolved);
        if (!real.startsWith(root)) {
            throw new InvalidDatasetException("media '" + media + "' lies outside the media root " + root
                    + " (a link to a file outside it)");
        }
        return real;
    }

    /** The path with every link followed; as it is when it does not exist (yet), since then nothing can be read through it. */
    private static Path real(Path path) {
        if (!Files.exists(path)) {
            return path;
        }
        try {
            return path.toRealPath();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot resolve " + path, e);
        }
    }
}

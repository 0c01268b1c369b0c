package io.affectra.eval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Dataset media stays inside the media root, with symbolic links followed before the check. */
class MediaResolverTest {

    @TempDir
    Path tmp;

    Path root;
    Path outside;

    @BeforeEach
    void layout() throws IOException {
        root = Files.createDirectories(tmp.resolve("root"));
        outside = Files.createDirectories(tmp.resolve("outside"));
        Files.writeString(outside.resolve("secret.jpg"), "not for datasets");
        Files.writeString(root.resolve("inner.jpg"), "a dataset's photograph");
    }

    @Test
    void aFileInsideTheRootIsResolved() throws IOException {
        assertThat(new MediaResolver(root, null).resolve("inner.jpg")).isEqualTo(root.resolve("inner.jpg").toRealPath());
    }

    @Test
    void aLinkInsideTheRootToAFileOutsideIsRefused() throws IOException {
        Files.createSymbolicLink(root.resolve("link.jpg"), outside.resolve("secret.jpg"));

        assertThatThrownBy(() -> new MediaResolver(root, null).resolve("link.jpg"))
                .isInstanceOf(InvalidDatasetException.class).hasMessageContaining("outside the media root");
    }

    @Test
    void aLinkedFolderLeadingOutIsRefused() throws IOException {
        Files.createSymbolicLink(root.resolve("shared"), outside);

        assertThatThrownBy(() -> new MediaResolver(root, null).resolve("shared/secret.jpg"))
                .isInstanceOf(InvalidDatasetException.class).hasMessageContaining("outside the media root");
        assertThatThrownBy(() -> new MediaResolver(root, Path.of("shared")))
                .as("a mediaDir that is a link out").isInstanceOf(InvalidDatasetException.class);
    }

    @Test
    void aLinkThatStaysInsideIsResolvedToTheRealFile() throws IOException {
        Files.createSymbolicLink(root.resolve("alias.jpg"), root.resolve("inner.jpg"));

        assertThat(new MediaResolver(root, null).resolve("alias.jpg")).isEqualTo(root.resolve("inner.jpg").toRealPath());
    }

    @Test
    void aRootThatIsItselfALinkStillHoldsItsFiles() throws IOException {
        Path linkedRoot = Files.createSymbolicLink(tmp.resolve("media"), root);

        assertThat(new MediaResolver(linkedRoot, null).resolve("inner.jpg")).isEqualTo(root.resolve("inner.jpg").toRealPath());
        assertThatThrownBy(() -> new MediaResolver(linkedRoot, null).resolve("../outside/secret.jpg"))
                .isInstanceOf(InvalidDatasetException.class);
    }
}

package io.affectra.encoder.speech;

import static org.assertj.core.api.Assertions.assertThat;

import io.affectra.testing.TranscriptionStub;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Decoded audio as it streams past becomes a complete PCM16 WAV file that only its owner reads, and is gone at close. */
class WavRecorderTest {

    @TempDir
    Path dir;

    @Test
    void chunksBecomeAMonoPcm16WaveFileWithItsSizesFilledIn() throws Exception {
        Path file;
        try (WavRecorder recording = WavRecorder.create(dir.resolve("spool"), 16_000)) {
            recording.accept(new float[] {0f, 0.5f, -0.5f, 1f});
            recording.accept(new float[] {-1f, 2f, -2f});
            file = recording.finish();

            byte[] bytes = Files.readAllBytes(file);
            TranscriptionStub.Wav wav = TranscriptionStub.Wav.read(bytes);
            assertThat(wav).isEqualTo(new TranscriptionStub.Wav(1, 1, 16_000, 16, 14, true));
            ByteBuffer samples = ByteBuffer.wrap(bytes, WavRecorder.HEADER_BYTES, 14).order(ByteOrder.LITTLE_ENDIAN);
            short[] read = new short[7];
            for (int i = 0; i < read.length; i++) {
                read[i] = samples.getShort();
            }
            // Full scale and beyond are clipped, not wrapped around.
            assertThat(read).containsExactly((short) 0, (short) 16384, (short) -16383, (short) 32767, (short) -32767, (short) 32767, (short) -32767);
            assertThat(recording.samples()).isEqualTo(7);
            if (Files.getFileStore(file).supportsFileAttributeView("posix")) {
                assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
            }
        }
        assertThat(file).doesNotExist();
    }

    @Test
    void closingWithoutFinishingLeavesNothingEither() throws Exception {
        Path spool = dir.resolve("spool");
        try (WavRecorder recording = WavRecorder.create(spool, 16_000)) {
            recording.accept(new float[1600]);
        }
        try (var files = Files.list(spool)) {
            assertThat(files).isEmpty();
        }
    }
}

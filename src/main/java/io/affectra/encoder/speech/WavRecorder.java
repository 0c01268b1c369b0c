package io.affectra.encoder.speech;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.function.Consumer;
import org.jboss.logging.Logger;

/**
 * Writes decoded audio (float samples in [-1, 1], as {@code media.AvDecoder.streamAudio} hands them out) to a PCM16 WAV
 * file as it streams past, for a speech-to-text backend: a private temporary file (owner only), whose header sizes are
 * filled in by {@link #finish}. {@link #close} deletes it, so a try-with-resources around the recording and the call
 * is all it takes to leave nothing behind. A write that fails (a full disk) does not stop the decoding: the recording
 * is then {@link #broken} and is not sent.
 */
public final class WavRecorder implements Consumer<float[]>, AutoCloseable {

    static final int HEADER_BYTES = 44;

    private static final Logger LOG = Logger.getLogger(WavRecorder.class);

    private final Path file;
    private final int sampleRate;
    private OutputStream out;
    private long samples;
    private IOException failure;

    private WavRecorder(Path file, int sampleRate) throws IOException {
        this.file = file;
        this.sampleRate = sampleRate;
        this.out = new BufferedOutputStream(Files.newOutputStream(file, StandardOpenOption.WRITE), 1 << 16);
        out.write(header(0));
    }

    /** A new recording in {@code directory} (created if missing), mono at {@code sampleRate}. */
    public static WavRecorder create(Path directory, int sampleRate) throws IOException {
        Files.createDirectories(directory);
        Path file;
        if (FileSystems.getDefault().supportedFileAttributeViews().contains("posix")) {
            file = Files.createTempFile(directory, "speech-", ".wav",
                    PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        } else {
            file = Files.createTempFile(directory, "speech-", ".wav");
        }
        try {
            return new WavRecorder(file, sampleRate);
        } catch (IOException e) {
            Files.deleteIfExists(file);
            throw e;
        }
    }

    @Override
    public void accept(float[] chunk) {
        if (failure != null || out == null) {
            return;
        }
        byte[] pcm = new byte[chunk.length * 2];
        for (int i = 0; i < chunk.length; i++) {
            float x = Math.max(-1f, Math.min(1f, chunk[i]));
            short s = (short) Math.round(x * Short.MAX_VALUE);
            pcm[2 * i] = (byte) s;
            pcm[2 * i + 1] = (byte) (s >> 8);
        }
        try {
            out.write(pcm);
            samples += chunk.length;
        } catch (IOException e) {
            failure = e;
        }
    }

    /** Samples written so far. */
    public long samples() {
        return samples;
    }

    /** Why the recording could not be written, or null. */
    public IOException broken() {
        return failure;
    }

    /** Closes the stream and writes the sizes into the header: the file is then a complete WAV. */
    public Path finish() throws IOException {
        if (failure != null) {
            throw failure;
        }
        if (out != null) {
            out.close();
            out = null;
            try (FileChannel channel = FileChannel.open(file, StandardOpenOption.WRITE)) {
                channel.write(ByteBuffer.wrap(header(samples * 2)), 0);
            }
        }
        return file;
    }

    /** Deletes the file: the audio is never kept. */
    @Override
    public void close() {
        try {
            if (out != null) {
                out.close();
                out = null;
            }
        } catch (IOException e) {
            // Deleting matters more than flushing.
        }
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            // Its folder is emptied at the next start; the analysis's own outcome matters more here.
            LOG.warnf("could not delete a recording made for transcription: %s", e.getMessage());
        }
    }

    /** The canonical 44-byte header of a mono PCM16 file with {@code dataBytes} of samples. */
    private byte[] header(long dataBytes) {
        int data = (int) Math.min(dataBytes, 0xFFFF_FFFFL - 36);
        ByteBuffer b = ByteBuffer.allocate(HEADER_BYTES).order(ByteOrder.LITTLE_ENDIAN);
        b.put("RIFF".getBytes(java.nio.charset.StandardCharsets.US_ASCII)).putInt(36 + data)
                .put("WAVE".getBytes(java.nio.charset.StandardCharsets.US_ASCII))
                .put("fmt ".getBytes(java.nio.charset.StandardCharsets.US_ASCII)).putInt(16)
                .putShort((short) 1) // PCM
                .putShort((short) 1) // mono
                .putInt(sampleRate).putInt(sampleRate * 2).putShort((short) 2).putShort((short) 16)
                .put("data".getBytes(java.nio.charset.StandardCharsets.US_ASCII)).putInt(data);
        return b.array();
    }
}

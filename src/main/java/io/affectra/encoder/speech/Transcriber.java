package io.affectra.encoder.speech;

import java.nio.file.Path;

/** One speech-to-text backend's protocol: a WAV file in, what was said out. Blocking; one call, no retries. */
public interface Transcriber {

    /** @param wav 16 kHz mono PCM16 */
    Transcript transcribe(Path wav) throws TranscriptionFailure;
}

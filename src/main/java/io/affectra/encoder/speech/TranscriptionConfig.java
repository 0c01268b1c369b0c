package io.affectra.encoder.speech;

import io.smallrye.config.ConfigMapping;
import java.util.Map;
import java.util.Optional;

/**
 * Speech-to-text backends: {@code affectra.transcription.default-backend} and
 * {@code affectra.transcription.backends.<name>.*}, read by {@link Transcription} only. None is configured by default:
 * a clip's words then come only from a transcript the client sends.
 */
@ConfigMapping(prefix = "affectra.transcription")
public interface TranscriptionConfig {

    /** The backend a request's {@code transcribe: auto} (the default) uses; unset: auto hears no words. */
    Optional<String> defaultBackend();

    /** Named backends: {@code affectra.transcription.backends.<name>.kind=openai} and their settings. */
    Map<String, TranscriptionBackendConfig> backends();
}

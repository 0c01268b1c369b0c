package io.affectra.encoder.audio;

import io.affectra.encoder.ModelRepository;
import io.affectra.encoder.PredictorPool;
import io.quarkus.runtime.Startup;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;

/** Voice activity (Silero VAD v5) and prosody on 16 kHz mono audio; one session per audio stream. */
@Startup
@ApplicationScoped
public class VoiceAnalyzer {

    private static final String VAD = "silero_vad_v5";

    private final PredictorPool<VadFrame, VadStep> vad;
    private final String version;

    public VoiceAnalyzer(ModelRepository models) {
        this.vad = models.load(VAD).pool(new SileroVadTranslator());
        this.version = models.version(java.util.List.of(VAD));
    }

    /** The VAD model's manifest sha256 (prosody is computed, not learned). */
    public String version() {
        return version;
    }

    public VoiceSession open() {
        return new VoiceSession(vad);
    }

    @PreDestroy
    void close() {
        vad.close();
    }
}

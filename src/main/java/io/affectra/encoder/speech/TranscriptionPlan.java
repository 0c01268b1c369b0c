package io.affectra.encoder.speech;

/**
 * Which backend hears one request's clips, decided from its {@code transcribe} option, the configuration and privacy
 * before any media is read; or, when none does, what the client should be told (only said where a clip has speech).
 *
 * @param backend  the backend's name, or null when none runs
 * @param model    its model
 * @param warning  none runs, and this is worth a warning (no backend configured)
 * @param withheld none runs for privacy, and this says so (de-identified, the backend is not trusted)
 */
public record TranscriptionPlan(String backend, String model, String warning, String withheld) {

    /** Nothing to run and nothing to say: {@code transcribe: never}, or the client sent the words. */
    public static final TranscriptionPlan NONE = new TranscriptionPlan(null, null, null, null);

    public boolean runs() {
        return backend != null;
    }

    /** {@code name/model} for the evidence key; null when none runs. */
    public String key() {
        return runs() ? backend + "/" + model : null;
    }

    /** What the heard words' cues name as their source: {@code transcription stt/whisper-1}. */
    public String source() {
        return "transcription " + key();
    }
}

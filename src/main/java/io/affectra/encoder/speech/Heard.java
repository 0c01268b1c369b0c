package io.affectra.encoder.speech;

/**
 * What came of a transcription: the words, or a warning that names the backend and what failed (the analysis goes on
 * without words either way).
 */
public record Heard(Transcript transcript, String warning) {

    public static Heard failed(String warning) {
        return new Heard(null, warning);
    }

    public boolean heard() {
        return transcript != null;
    }
}

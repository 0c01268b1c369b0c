package io.affectra.evidence;

/**
 * What a request asks of the encoders: everything here may change the cues, and nothing else does (labels, strategy
 * and backend act on the cues afterwards).
 *
 * @param facialPriors compute facial priors on stills (video face tracks carry none); ignored when de-identified
 * @param deidentify   de-identified mode: no face-derived encoder runs, and speech goes only to a trusted transcription backend
 * @param transcript   what was said (plain text, SRT or WebVTT), stripped; empty for none
 * @param fps          clips: frames sampled per second; null for the server's {@code affectra.video.fps}
 * @param windowMs     clips: the analysis window; null for the whole clip as one window, with ids as on a still
 * @param soundOnly    clips: hear the audio only, even where the container also holds pictures (an audio part)
 * @param transcribe   clips without a transcript: {@code auto} (the default transcription backend, if one is configured),
 *                     {@code never}, or a transcription backend's name; null is {@code auto}
 */
public record EvidenceOptions(boolean facialPriors, boolean deidentify, String transcript, Double fps, Long windowMs,
        boolean soundOnly, String transcribe) {

    public EvidenceOptions {
        transcript = transcript == null ? "" : transcript.strip();
        transcribe = transcribe == null || transcribe.isBlank() ? "auto" : transcribe.strip();
    }

    public EvidenceOptions(boolean facialPriors, boolean deidentify, String transcript, Double fps, Long windowMs, boolean soundOnly) {
        this(facialPriors, deidentify, transcript, fps, windowMs, soundOnly, null);
    }

    /** A still, or a clip read whole at the server's frame rate. */
    public static EvidenceOptions of(boolean facialPriors, boolean deidentify, String transcript) {
        return new EvidenceOptions(facialPriors, deidentify, transcript, null, null, false);
    }

    public EvidenceOptions withSoundOnly() {
        return new EvidenceOptions(facialPriors, deidentify, transcript, fps, windowMs, true, transcribe);
    }

    public EvidenceOptions withTranscribe(String option) {
        return new EvidenceOptions(facialPriors, deidentify, transcript, fps, windowMs, soundOnly, option);
    }

    /** Whether facial priors are computed: asked for and not de-identified. */
    public boolean priorsAllowed() {
        return facialPriors && !deidentify;
    }
}

package io.affectra.evidence;

import io.affectra.media.Sha256;
import java.util.Map;
import java.util.TreeMap;

/**
 * What a piece of evidence is a function of: the media's bytes, the encoders that ran (by version), and the options
 * that change cues. Options that cannot change a still's or a clip's cues are left out (a still has no frame rate, a
 * video face track no priors, a de-identified read no face models), so equal evidence has an equal key and evidence
 * that may differ never shares one. Build it with {@link EvidenceExtractor#stillKey} or {@link EvidenceExtractor#clipKey}.
 *
 * @param mediaSha256      the media's bytes
 * @param still            a still image, or a clip (video or audio)
 * @param encoders         id to version of every encoder that ran
 * @param transcriptSha256 the transcript's sha256, or null for none
 * @param transcription    clips: the transcription backend and model that hear the speech ({@code stt/whisper-1}), or
 *                         null when none does (a transcript was sent, {@code never}, none configured, or withheld)
 */
public record EvidenceKey(String mediaSha256, boolean still, Map<String, String> encoders, boolean facialPriors, boolean deidentify,
        Double fps, Long windowMs, boolean soundOnly, String transcriptSha256, String transcription) {

    public EvidenceKey {
        encoders = java.util.Collections.unmodifiableMap(new TreeMap<>(encoders));
    }

    static EvidenceKey still(String mediaSha256, Map<String, String> encoders, EvidenceOptions options) {
        return new EvidenceKey(mediaSha256, true, encoders, options.priorsAllowed(), options.deidentify(), null, null, false,
                transcriptHash(options), null);
    }

    /**
     * @param fps           the frame rate that will be sampled (the request's or the server's); no frame is when only heard
     * @param transcription who hears the speech ({@code name/model}), or null
     */
    static EvidenceKey clip(String mediaSha256, Map<String, String> encoders, EvidenceOptions options, double fps, String transcription) {
        return new EvidenceKey(mediaSha256, false, encoders, false, options.deidentify(), options.soundOnly() ? null : fps,
                options.windowMs(), options.soundOnly(), transcriptHash(options), transcription);
    }

    private static String transcriptHash(EvidenceOptions options) {
        return options.transcript().isEmpty() ? null : Sha256.of(options.transcript());
    }
}

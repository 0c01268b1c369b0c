package io.affectra.gateway.media;

import io.affectra.evidence.Evidence;
import io.affectra.evidence.EvidenceExtractor;
import io.affectra.evidence.EvidenceKey;
import io.affectra.evidence.EvidenceOptions;
import io.affectra.media.Sha256;
import jakarta.inject.Singleton;
import java.util.Locale;

/**
 * Images: the evidence {@code /v1/emotion/analyze} reads from a still (every still encoder: faces, body language),
 * told in one line for the prompt. A chat part has no transcript: the conversation's words are the question.
 */
@Singleton
public class StillMediaEncoder implements MediaEncoder {

    private final EvidenceExtractor extractor;

    public StillMediaEncoder(EvidenceExtractor extractor) {
        this.extractor = extractor;
    }

    @Override
    public boolean accepts(MediaPart.Kind kind) {
        return kind == MediaPart.Kind.IMAGE;
    }

    @Override
    public EvidenceKey key(LoadedMedia media, EncodeOptions options) {
        return extractor.stillKey(Sha256.of(media.bytes()), evidenceOptions(options));
    }

    @Override
    public EncodedMedia encode(LoadedMedia media, EncodeOptions options) {
        Evidence evidence = extractor.still(media.bytes(), evidenceOptions(options));
        String size = String.format(Locale.ROOT, "%s %dx%d", evidence.media().format(), evidence.media().width(), evidence.media().height());
        int n = evidence.faces().size();
        String faces = options.deidentify() ? "faces not analysed (de-identified)"
                : n == 0 ? "no face found" : n + (n == 1 ? " face" : " faces");
        return new EncodedMedia(evidence.key(), evidence.cues(), size + ", " + faces, n, evidence.warnings(), evidence.withheld());
    }

    private static EvidenceOptions evidenceOptions(EncodeOptions options) {
        return EvidenceOptions.of(options.facialPriors(), options.deidentify(), "");
    }
}

package io.affectra.gateway.media;

import io.affectra.evidence.EvidenceKey;

/**
 * Turns one media part of a chat into cues. CDI beans implementing it are found by {@link MediaCues}: thin adapters
 * over {@link io.affectra.evidence.EvidenceExtractor} ({@link StillMediaEncoder} for images, {@link AvMediaEncoder}
 * for audio and video), so a part gets the evidence the analyse endpoint reads; a new encoder of stills or frames
 * plugs in there, not here. A media kind without an encoder is refused when its part would otherwise be dropped, and
 * forwarded without cues when the backend reads it. Implementations block (models, decoding): they are called on
 * worker threads only.
 */
public interface MediaEncoder {

    boolean accepts(MediaPart.Kind kind);

    /** The key of the evidence {@link #encode} reads from this part: what {@link EncodedMediaCache} remembers it by. Cheap. */
    EvidenceKey key(LoadedMedia media, EncodeOptions options);

    /**
     * @throws MediaRejected or {@link io.affectra.media.MediaException} when the bytes are not usable media
     */
    EncodedMedia encode(LoadedMedia media, EncodeOptions options);

    /** What a request allows an encoder to compute. */
    record EncodeOptions(boolean facialPriors, boolean deidentify) {
    }
}

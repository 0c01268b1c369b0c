package io.affectra.encoder;

import io.affectra.media.DecodedImage;

/**
 * The encoder SPI for stills, beside {@link FrameCueSession} for video: each CDI bean implementing it runs on every
 * still the server reads, wherever it comes from (the analyse endpoint, a job, a chat image part, an evaluation case),
 * since one extractor ({@code evidence.EvidenceExtractor}) finds them all. Beans run side by side on the same image;
 * their cues follow the beans' {@link jakarta.annotation.Priority} (higher first). In de-identified mode a
 * face-derived encoder never runs.
 */
public interface StillCueEncoder {

    /** Names the encoder in evidence keys and privacy notes: {@code face}, {@code body}. */
    String id();

    /**
     * Changes whenever its cues for the same input may change: its models' manifest sha256 (see
     * {@link ModelRepository#version}), so that no cached evidence outlives a model.
     */
    String version();

    /** Whether its cues are read from faces: de-identified mode withholds them everywhere. */
    boolean faceDerived();

    /** What it measures, for the privacy note when it is withheld: {@code expression, action units and facial priors}. */
    String measures();

    /** Blocking (models): called on a worker thread, next to the other encoders on the same image. */
    StillCues encode(DecodedImage image, StillOptions options);
}

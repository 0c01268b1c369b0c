package io.affectra.encoder;

/**
 * What a request lets a still's encoders compute and read besides the pixels.
 *
 * @param facialPriors compute facial priors (never set in de-identified mode)
 * @param transcript   what was said, stripped; empty for none
 */
public record StillOptions(boolean facialPriors, String transcript) {

    public StillOptions {
        transcript = transcript == null ? "" : transcript;
    }
}

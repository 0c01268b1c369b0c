package io.affectra.reasoning;

/**
 * The evidence as prompts show it.
 *
 * @param cues       the cue set as text, one cue per line led by its id
 * @param transcript what was said, or empty
 */
public record EvidenceText(String cues, int faceCount, String transcript) {
}

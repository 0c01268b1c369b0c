package io.affectra.gateway.media;

import io.affectra.cue.Cue;
import io.affectra.evidence.EvidenceKey;
import java.util.List;

/**
 * What the encoders found in one media part.
 *
 * @param key      the key of the evidence behind it
 * @param cues     ids as the encoder made them ({@code F1.expr}); {@link MediaCues} prefixes them when there are several parts
 * @param summary  one line for the prompt, without the part's name: {@code JPEG 1920x1350, 3 faces}
 * @param faces    faces found (0 for non-visual media)
 * @param warnings things the client should know (sent as a response header and in the logs)
 * @param withheld what was not computed for privacy ({@link MediaCues} names the part; the same bytes may be another part
 *                 of a later request, since encodings are cached)
 * @param provisional something failed for a passing reason (a transcription backend): not to be cached
 */
public record EncodedMedia(EvidenceKey key, List<Cue> cues, String summary, int faces, List<String> warnings, List<String> withheld,
        boolean provisional) {

    public EncodedMedia {
        cues = List.copyOf(cues);
        warnings = List.copyOf(warnings);
        withheld = List.copyOf(withheld);
    }

    public EncodedMedia(EvidenceKey key, List<Cue> cues, String summary, int faces, List<String> warnings, List<String> withheld) {
        this(key, cues, summary, faces, warnings, withheld, false);
    }
}

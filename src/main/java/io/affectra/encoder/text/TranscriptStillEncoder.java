package io.affectra.encoder.text;

import io.affectra.cue.Cue;
import io.affectra.cue.CueType;
import io.affectra.cue.Modality;
import io.affectra.cue.TimeSpan;
import io.affectra.encoder.StillCueEncoder;
import io.affectra.encoder.StillCues;
import io.affectra.encoder.StillOptions;
import io.affectra.media.DecodedImage;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * What was said with a still: the transcript as cue {@code T1} (quoted; the prompt carries it whole) and its text
 * emotion ({@code T1.emotion}). A clip's transcript is aligned to its speech instead (see the temporal extractor).
 */
@ApplicationScoped
@Priority(100)
public class TranscriptStillEncoder implements StillCueEncoder {

    /** How much of a transcript its cue quotes. */
    static final int CUE_CHARS = 280;

    private final TextEmotionEncoder textEmotion;

    public TranscriptStillEncoder(TextEmotionEncoder textEmotion) {
        this.textEmotion = textEmotion;
    }

    /** The transcript cue alone, for a case that has words and no media. */
    public static Cue transcriptCue(String text) {
        String quote = text.length() > CUE_CHARS ? text.substring(0, CUE_CHARS) + "..." : text;
        return new Cue("T1", Modality.TEXT, "transcript", "speaker", CueType.TRANSCRIPT, quote, 1.0, null, TimeSpan.STILL, Map.of());
    }

    @Override
    public String id() {
        return "transcript";
    }

    @Override
    public String version() {
        return textEmotion.version();
    }

    @Override
    public boolean faceDerived() {
        return false;
    }

    @Override
    public String measures() {
        return "the transcript and its text emotion";
    }

    @Override
    public StillCues encode(DecodedImage image, StillOptions options) {
        String text = options.transcript();
        if (text.isEmpty()) {
            return StillCues.NONE;
        }
        List<Cue> cues = new ArrayList<>();
        cues.add(transcriptCue(text));
        cues.addAll(textEmotion.cues("T1", text, TimeSpan.STILL));
        return StillCues.of(cues, Map.of());
    }
}

package io.affectra.encoder.speech;

import io.affectra.encoder.text.TranscriptSegment;
import java.util.List;

/**
 * What a backend heard.
 *
 * @param text     the whole text, as the backend wrote it
 * @param segments timed segments (numbered from 1) when the backend gave times, else the text's sentences untimed, to be
 *                 aligned to the detected speech like a plain-text transcript
 */
public record Transcript(String text, List<TranscriptSegment> segments) {

    public Transcript {
        segments = List.copyOf(segments);
    }
}

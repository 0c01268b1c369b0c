package io.affectra.encoder.text;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Keeps an SRT or WebVTT transcript's cues on the media's time line: a cue that ends before it starts, or starts after
 * the media ends, is dropped; one that runs past the end is cut there. Each kind of fix is one warning naming the cues,
 * since a transcript for another clip can have thousands. Cue numbers stay as they were, so the cue ids still point at
 * the client's transcript.
 */
public final class TranscriptBounds {

    /** Cue numbers named in a warning; the rest are counted. */
    static final int NAMED = 5;

    private TranscriptBounds() {
    }

    /**
     * @param durationMs the media's duration; 0 when it is not known yet (only reversed cues are dropped then)
     * @param warnings   receives one line per kind of fix
     */
    public static List<TranscriptSegment> keep(List<TranscriptSegment> segments, long durationMs, List<String> warnings) {
        List<TranscriptSegment> reversed = segments.stream().filter(TranscriptBounds::reversed).toList();
        List<TranscriptSegment> late = segments.stream().filter(s -> late(s, durationMs)).toList();
        List<TranscriptSegment> overrun = segments.stream().filter(s -> overruns(s, durationMs)).toList();
        if (reversed.isEmpty() && late.isEmpty() && overrun.isEmpty()) {
            return segments;
        }
        String end = seconds(durationMs);
        warn(warnings, reversed, "end before they start: dropped", "ends before it starts: dropped");
        warn(warnings, late, "start after the media ends (" + end + "): dropped", "starts after the media ends (" + end + "): dropped");
        warn(warnings, overrun, "run past the media's end: cut at " + end, "runs past the media's end: cut at " + end);
        List<TranscriptSegment> kept = new ArrayList<>();
        for (TranscriptSegment s : segments) {
            if (overruns(s, durationMs)) {
                kept.add(new TranscriptSegment(s.index(), s.startMs(), durationMs, s.text(), true));
            } else if (!reversed(s) && !late(s, durationMs)) {
                kept.add(s);
            }
        }
        return kept;
    }

    private static boolean reversed(TranscriptSegment s) {
        return s.timed() && s.endMs() < s.startMs();
    }

    private static boolean late(TranscriptSegment s, long durationMs) {
        return s.timed() && !reversed(s) && durationMs > 0 && s.startMs() >= durationMs;
    }

    private static boolean overruns(TranscriptSegment s, long durationMs) {
        return s.timed() && !reversed(s) && durationMs > 0 && s.startMs() < durationMs && s.endMs() > durationMs;
    }

    private static void warn(List<String> warnings, List<TranscriptSegment> cues, String many, String one) {
        if (cues.isEmpty()) {
            return;
        }
        if (cues.size() == 1) {
            TranscriptSegment s = cues.get(0);
            warnings.add("transcript cue " + s.index() + " (" + seconds(s.startMs()) + " --> " + seconds(s.endMs()) + ") " + one);
            return;
        }
        StringBuilder names = new StringBuilder();
        for (int i = 0; i < Math.min(NAMED, cues.size()); i++) {
            names.append(i == 0 ? "" : ", ").append(cues.get(i).index());
        }
        if (cues.size() > NAMED) {
            names.append(" and ").append(cues.size() - NAMED).append(" more");
        }
        warnings.add("transcript cues " + names + " " + many);
    }

    private static String seconds(long ms) {
        return String.format(Locale.ROOT, "%.1f s", ms / 1000.0);
    }
}

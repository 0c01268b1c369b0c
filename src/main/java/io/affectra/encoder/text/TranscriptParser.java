package io.affectra.encoder.text;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Reads a transcript as WebVTT, SRT or plain text (recognised by its content, not a name). */
public final class TranscriptParser {

    public enum Format { WEBVTT, SRT, PLAIN }

    /** A cue timing line: {@code 00:00:01,500 --> 00:00:03,000} (SRT) or {@code 00:01.500 --> 00:03.000} (WebVTT). */
    private static final Pattern TIMING = Pattern.compile(
            "((?:\\d+:)?\\d{1,2}:\\d{2}[.,]\\d{1,3})\\s*-->\\s*((?:\\d+:)?\\d{1,2}:\\d{2}[.,]\\d{1,3})");
    private static final Pattern TAGS = Pattern.compile("<[^>]+>");

    private TranscriptParser() {
    }

    public static Format detect(String text) {
        String head = text.stripLeading();
        if (head.startsWith("WEBVTT")) {
            return Format.WEBVTT;
        }
        return TIMING.matcher(text).find() ? Format.SRT : Format.PLAIN;
    }

    /** Timed segments for SRT/WebVTT; for plain text, sentences with no times yet (see {@link TranscriptAligner}). */
    public static List<TranscriptSegment> parse(String text) {
        String normalised = text.replace("\r\n", "\n").replace('\r', '\n');
        return detect(normalised) == Format.PLAIN ? sentences(normalised) : timed(normalised);
    }

    private static List<TranscriptSegment> timed(String text) {
        List<TranscriptSegment> out = new ArrayList<>();
        String[] lines = text.split("\n");
        for (int i = 0; i < lines.length; i++) {
            Matcher m = TIMING.matcher(lines[i]);
            if (!m.find()) {
                continue;
            }
            long start = millis(m.group(1));
            long end = millis(m.group(2)); // a reversed cue is kept as written: TranscriptBounds drops it with a warning
            StringBuilder cue = new StringBuilder();
            while (i + 1 < lines.length && !lines[i + 1].isBlank()) {
                i++;
                cue.append(cue.isEmpty() ? "" : " ").append(TAGS.matcher(lines[i].strip()).replaceAll(""));
            }
            if (!cue.isEmpty()) {
                out.add(new TranscriptSegment(out.size() + 1, start, end, cue.toString(), true));
            }
        }
        return out;
    }

    private static List<TranscriptSegment> sentences(String text) {
        List<TranscriptSegment> out = new ArrayList<>();
        for (String sentence : text.strip().split("(?<=[.!?])\\s+|\\n+")) {
            String s = sentence.strip();
            if (!s.isEmpty()) {
                out.add(new TranscriptSegment(out.size() + 1, 0, 0, s, false));
            }
        }
        return out;
    }

    static long millis(String stamp) {
        String[] parts = stamp.replace(',', '.').split(":");
        double seconds = Double.parseDouble(parts[parts.length - 1]);
        long minutes = Long.parseLong(parts[parts.length - 2]);
        long hours = parts.length == 3 ? Long.parseLong(parts[0]) : 0;
        return Math.round(((hours * 60 + minutes) * 60 + seconds) * 1000);
    }
}

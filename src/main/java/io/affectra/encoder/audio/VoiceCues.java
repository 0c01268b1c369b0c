package io.affectra.encoder.audio;

import io.affectra.cue.Cue;
import io.affectra.cue.CueType;
import io.affectra.cue.Modality;
import io.affectra.cue.TimeSpan;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Turns voice segments into cues: one {@code speech} cue per segment with its prosody numbers, and
 * {@code prosody} cues where a segment stands out. The rules are speaker-independent on purpose: pitch
 * spread in semitones rather than Hz, loudness relative to the clip's own speech level (microphones are
 * not calibrated), speaking rate in syllables per second.
 */
public final class VoiceCues {

    /** Pitch spread (p90/p10) in semitones: above is animated, below (with enough voicing) is flat. */
    static final double ANIMATED_ST = 8;
    static final double FLAT_ST = 3;
    /** dB above or below the clip's mean speech level. */
    static final double LOUDNESS_DB = 4;
    /** Syllables per second; conversational English runs at about 4-5. */
    static final double FAST = 5.5;
    static final double SLOW = 2.5;
    static final long LONG_PAUSE_MS = 1500;

    private VoiceCues() {
    }

    /** Cues for the segments that overlap {@code window}; ids carry {@code prefix} (e.g. {@code W1.}). */
    public static List<Cue> of(VoiceReport report, TimeSpan window, String prefix) {
        List<Cue> cues = new ArrayList<>();
        double speechLevel = report.segments().stream().mapToDouble(VoiceSegment::energyDb).average().orElse(0);
        boolean relativeLoudness = report.segments().size() >= 2;
        for (VoiceSegment s : report.segments()) {
            if (s.endMs() <= window.startMs() || s.startMs() >= window.endMs()) {
                continue;
            }
            String id = prefix + "V" + s.index();
            TimeSpan span = new TimeSpan(s.startMs(), s.endMs());
            Map<String, Double> values = new LinkedHashMap<>();
            values.put("f0MeanHz", s.f0MeanHz());
            values.put("f0RangeSt", s.f0RangeSt());
            values.put("energyDb", s.energyDb());
            values.put("syllablesPerS", s.syllableRate());
            values.put("pauseBeforeMs", (double) s.pauseBeforeMs());
            cues.add(new Cue(id, Modality.VOICE, "silero_vad_v5+prosody", "speaker", CueType.SPEECH, "speech", s.speechProbability(), null, span, values));
            if (s.f0RangeSt() >= ANIMATED_ST) {
                cues.add(prosody(id, "animated-pitch", 0.5 + (s.f0RangeSt() - ANIMATED_ST) / 8, span));
            } else if (s.f0RangeSt() > 0 && s.f0RangeSt() <= FLAT_ST && s.voicedFraction() >= 0.3) {
                cues.add(prosody(id, "flat-pitch", 0.5 + (FLAT_ST - s.f0RangeSt()) / 6, span));
            }
            if (relativeLoudness && s.energyDb() >= speechLevel + LOUDNESS_DB) {
                cues.add(prosody(id, "loud", 0.5 + (s.energyDb() - speechLevel - LOUDNESS_DB) / 8, span));
            } else if (relativeLoudness && s.energyDb() <= speechLevel - LOUDNESS_DB) {
                cues.add(prosody(id, "soft", 0.5 + (speechLevel - LOUDNESS_DB - s.energyDb()) / 8, span));
            }
            if (s.syllableRate() >= FAST) {
                cues.add(prosody(id, "fast-speech", 0.5 + (s.syllableRate() - FAST) / 3, span));
            } else if (s.syllableRate() > 0 && s.syllableRate() <= SLOW && s.durationMs() >= 1000) {
                cues.add(prosody(id, "slow-speech", 0.5 + (SLOW - s.syllableRate()) / 3, span));
            }
            if (s.index() > 1 && s.pauseBeforeMs() >= LONG_PAUSE_MS) {
                cues.add(prosody(id, "long-pause", Math.min(1, s.pauseBeforeMs() / 3000.0), new TimeSpan(s.startMs() - s.pauseBeforeMs(), s.startMs())));
            }
        }
        return cues;
    }

    private static Cue prosody(String segmentId, String label, double score, TimeSpan span) {
        return new Cue(segmentId + "." + label, Modality.VOICE, "prosody", "speaker", CueType.PROSODY, label,
                Math.round(Math.min(1, score) * 100) / 100.0, null, span, Map.of());
    }
}

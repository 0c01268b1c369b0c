package io.affectra.cue;

import java.util.Arrays;
import java.util.Locale;
import java.util.function.Predicate;
import java.util.stream.Collectors;

/**
 * A family of cues an ablation can take away, by the spec name it is declared with ({@code -face}). Matching reads
 * the cue's modality and type, never its id, so window ({@code W1.F1.expr}) and chat part ({@code I2.F1.expr})
 * prefixes do not matter. What the encoders emit today:
 * <ul>
 * <li>face ({@code FaceCues}, {@code FaceTrackSession}): {@code F1.expr} EXPRESSION, {@code F1.au.<unit>}
 * ACTION_UNIT, {@code F1.prior.gender} and {@code F1.prior.age} PRIOR, all Modality.FACE;</li>
 * <li>body ({@code BodyCues}): {@code P1.body} PERSON, {@code P1.p1} POSTURE, {@code P1.g1} GESTURE, all BODY;</li>
 * <li>audio ({@code VoiceCues}): {@code V1} SPEECH, {@code V1.<label>} PROSODY ({@code V1.loud}), all VOICE;</li>
 * <li>text ({@code TranscriptStillEncoder}, the temporal windows, {@code TextEmotionEncoder}): {@code T1}
 * TRANSCRIPT and {@code T1.emotion} TEXT_EMOTION, both TEXT.</li>
 * </ul>
 * No encoder emits SCENE cues yet, and no family removes them.
 */
public enum CueFamily {
    /** Every face-derived cue: expressions, action units and the facial priors (priors are read off the face). */
    FACE("expression, action units and facial priors", c -> c.modality() == Modality.FACE),
    /** Tracked persons, postures and gestures. */
    BODY("persons, postures and gestures", c -> c.modality() == Modality.BODY),
    /** Voice activity and prosody. */
    VOICE("speech and prosody", c -> c.modality() == Modality.VOICE),
    /** The words: transcript segments and the emotion read in them. */
    TEXT("transcript and text emotion", c -> c.modality() == Modality.TEXT),
    /** The demographic priors (age, gender) only; the rest of the face stays. */
    PRIORS("facial priors", c -> c.type() == CueType.PRIOR);

    private final String measures;
    private final Predicate<Cue> matcher;

    CueFamily(String measures, Predicate<Cue> matcher) {
        this.measures = measures;
        this.matcher = matcher;
    }

    /** The name in an ablation spec and in cell ids: {@code face}. */
    public String spec() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** What the family's cues measure, for the note that says they were withheld. */
    public String measures() {
        return measures;
    }

    public boolean matches(Cue cue) {
        return matcher.test(cue);
    }

    /** The family with this spec name ({@code face}), case-insensitive. */
    public static CueFamily of(String spec) {
        String wanted = spec.strip();
        return Arrays.stream(values()).filter(f -> f.spec().equalsIgnoreCase(wanted)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("unknown cue family '" + wanted + "': known are " + known()));
    }

    /** {@code face, body, voice, text, priors} */
    public static String known() {
        return Arrays.stream(values()).map(CueFamily::spec).collect(Collectors.joining(", "));
    }
}

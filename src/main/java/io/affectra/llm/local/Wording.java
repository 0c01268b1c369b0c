package io.affectra.llm.local;

import io.affectra.cue.Cue;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The words the offline reasoner writes for a person: labels as adjectives, confidences as hedges, cues as what they
 * measured ("a smile (lip corners pulled up, 0.67)"), each cue followed by its id in brackets so it can still be cited.
 * Unknown labels and cue names are written as they are, underscores and dashes as spaces.
 */
final class Wording {

    private static final Map<String, String> ADJECTIVES = Map.of("neutral", "neutral", "happiness", "happy", "sadness", "sad",
            "anger", "angry", "fear", "afraid", "disgust", "disgusted", "surprise", "surprised", "contempt", "contemptuous");

    /** Action unit -> what it looks like, with its article, and what was measured where the look does not say it. */
    private static final Map<String, List<String>> ACTION_UNITS = Map.of(
            "lip_corner_pull", List.of("a ", "smile", "lip corners pulled up, "),
            "brow_lower", List.of("a ", "frown", "brows lowered, "),
            "lip_corner_depress", List.of("a ", "downturned mouth", "lip corners pulled down, "),
            "brow_raise", List.of("", "raised brows", ""),
            "eye_open", List.of("", "wide eyes", ""),
            "mouth_open", List.of("an ", "open mouth", ""),
            "lip_press", List.of("", "pressed lips", ""));

    private static final Map<String, String> VOICE = Map.of("animated-pitch", "lively pitch", "flat-pitch", "flat pitch", "loud", "loud",
            "soft", "soft", "fast-speech", "fast", "slow-speech", "slow", "long-pause", "a long pause");

    private Wording() {
    }

    static String adjective(String label) {
        return ADJECTIVES.getOrDefault(label, plain(label));
    }

    /** "clearly happy", "probably happy", "perhaps happy", "hard to read; if anything, happy". */
    static String hedged(String label, double p) {
        String adjective = adjective(label);
        if (p >= 0.75) {
            return "clearly " + adjective;
        }
        if (p >= 0.55) {
            return "probably " + adjective;
        }
        if (p >= 0.35) {
            return "perhaps " + adjective;
        }
        return "hard to read; if anything, " + adjective;
    }

    static String number(double v) {
        return String.format(Locale.ROOT, "%.2f", v);
    }

    /**
     * What a cue shows, for the label it is cited for, then its id in brackets.
     *
     * @param owner whose it is ("F1"), or null to write it as the person's own ("a smile") or the speaker's
     * @param words for a transcript, the emotion words found in it
     */
    static String cue(Cue cue, String label, String owner, List<String> words) {
        String whose = owner == null ? null : owner + "'s ";
        String text = switch (cue.type()) {
            case EXPRESSION -> (whose == null ? "the " : whose) + "expression (" + expression(cue, label) + ")";
            case ACTION_UNIT -> actionUnit(cue, whose);
            case GESTURE, POSTURE -> (whose == null ? "a " : whose) + cue.type().wire() + " (" + plain(cue.label()) + ", "
                    + number(cue.score()) + ")";
            case TRANSCRIPT -> "the words \"" + String.join(", ", words) + "\"";
            case TEXT_EMOTION -> "the tone of the words (" + adjective(cue.label()) + ", " + number(cue.score()) + ")";
            case PROSODY -> "the voice (" + VOICE.getOrDefault(cue.label(), plain(cue.label())) + ", " + number(cue.score()) + ")";
            default -> (whose == null ? "" : whose) + plain(cue.type().wire()) + " " + plain(cue.label())
                    + " (" + number(cue.score()) + ")";
        };
        return text + " [" + cue.id() + "]";
    }

    private static String expression(Cue cue, String label) {
        if (label.equals(cue.label()) || cue.values().isEmpty()) {
            return adjective(cue.label()) + ", " + number(cue.score());
        }
        return adjective(label) + " " + number(cue.values().getOrDefault(label, 0.0)) + ", though mostly " + adjective(cue.label())
                + " " + number(cue.score());
    }

    private static String actionUnit(Cue cue, String whose) {
        List<String> unit = ACTION_UNITS.get(cue.label());
        if (unit == null) {
            return (whose == null ? "" : whose) + plain(cue.label()) + " (" + number(cue.score()) + ")";
        }
        return (whose == null ? unit.get(0) : whose) + unit.get(1) + " (" + unit.get(2) + number(cue.score()) + ")";
    }

    /** "a, b and c". */
    static String list(List<String> items) {
        if (items.size() <= 1) {
            return String.join("", items);
        }
        return String.join(", ", items.subList(0, items.size() - 1)) + " and " + items.get(items.size() - 1);
    }

    static String plain(String name) {
        return name.replace('_', ' ').replace('-', ' ');
    }

    static String capitalised(String text) {
        return text.isEmpty() ? text : Character.toUpperCase(text.charAt(0)) + text.substring(1);
    }
}

package io.affectra.llm.local;

import io.affectra.vocabulary.LabelSet;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The local stand-in for an EMER judge (not an LLM): clue overlap from the share of the reference's content words that
 * the prediction also uses, label overlap from label identity (10), a shared valence (5: both among happiness/surprise
 * or both among sadness/anger/fear/disgust) or neither (1). Both on EMER's 1-10 scale. Crude, deterministic and labelled
 * as such in every rationale; configure an LLM judge ({@code judgeBackend}) for real scores.
 */
final class LexicalJudge {

    private static final Pattern WORD = Pattern.compile("[a-z][a-z'-]{2,}");
    private static final Set<String> STOP = Set.of("the", "and", "her", "his", "their", "they", "she", "with", "that", "this", "from", "which",
            "while", "are", "was", "were", "has", "have", "had", "for", "not", "but", "its", "into", "who", "whose", "been", "being", "also",
            "there", "than", "then", "very", "more", "most", "some", "person", "people", "shows", "show", "showing", "seems", "appears", "look",
            "looks", "face", "cue", "cues", "emotion", "expression", "expressed", "suggests", "indicates");
    private static final Set<String> POSITIVE = Set.of("happiness", "surprise");
    private static final Set<String> NEGATIVE = Set.of("sadness", "anger", "fear", "disgust", "contempt");

    record Scores(int clueOverlap, int labelOverlap, String rationale) {
    }

    Scores judge(String referenceLabel, String referenceReasoning, String label, String reasoning) {
        Set<String> reference = words(referenceReasoning);
        Set<String> predicted = words(reasoning);
        int clue;
        String share;
        if (reference.isEmpty()) {
            clue = 1;
            share = "no reference clues";
        } else {
            long shared = reference.stream().filter(predicted::contains).count();
            double fraction = (double) shared / reference.size();
            clue = 1 + (int) Math.round(9 * fraction);
            share = String.format(Locale.ROOT, "%d of %d reference words", shared, reference.size());
        }
        String ref = canonical(referenceLabel);
        String pred = canonical(label);
        int labelScore = ref.equals(pred) ? 10 : (POSITIVE.contains(ref) && POSITIVE.contains(pred)) || (NEGATIVE.contains(ref) && NEGATIVE.contains(pred)) ? 5 : 1;
        return new Scores(clue, labelScore, "Offline lexical judge (not an LLM): clue overlap from " + share
                + "; label overlap " + labelScore + " (" + pred + " vs " + ref + ").");
    }

    private static String canonical(String label) {
        if (label == null) {
            return "";
        }
        String l = label.strip().toLowerCase(Locale.ROOT);
        return LabelSet.CANONICAL.normalise(l).orElse(l);
    }

    private static Set<String> words(String text) {
        Set<String> out = new HashSet<>();
        if (text == null) {
            return out;
        }
        Matcher m = WORD.matcher(text.toLowerCase(Locale.ROOT));
        while (m.find()) {
            String w = m.group();
            if (!STOP.contains(w)) {
                out.add(w.length() > 5 ? w.substring(0, 5) : w);
            }
        }
        return out;
    }
}

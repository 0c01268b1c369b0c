package io.affectra.vocabulary;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/** The emotion labels an answer must choose from, in a stable order. */
public record LabelSet(List<String> labels) {

    private static final Pattern LABEL = Pattern.compile("[a-z][a-z_-]{0,31}");

    /** The canonical label set every encoder maps into. */
    public static final LabelSet CANONICAL = new LabelSet(
            List.of("neutral", "happiness", "sadness", "anger", "fear", "disgust", "surprise"));

    public LabelSet {
        if (labels == null || labels.size() < 2) {
            throw new IllegalArgumentException("a label set needs at least two labels");
        }
        LinkedHashSet<String> unique = new LinkedHashSet<>();
        for (String raw : labels) {
            String label = raw == null ? "" : raw.trim().toLowerCase(Locale.ROOT);
            if (!LABEL.matcher(label).matches()) {
                throw new IllegalArgumentException("not a valid label: '" + raw + "' (lowercase letters, '-' or '_', at most 32)");
            }
            unique.add(label);
        }
        if (unique.size() > 32) {
            throw new IllegalArgumentException("at most 32 labels");
        }
        labels = List.copyOf(unique);
    }

    public boolean contains(String label) {
        return labels.contains(label);
    }

    /** Maps a free-form label from a model (e.g. "Happy", "joy") onto this set, if it names one of its labels. */
    public Optional<String> normalise(String raw) {
        if (raw == null) {
            return Optional.empty();
        }
        String label = raw.trim().toLowerCase(Locale.ROOT);
        if (contains(label)) {
            return Optional.of(label);
        }
        String canonical = CanonicalLabels.synonym(label);
        return canonical != null && contains(canonical) ? Optional.of(canonical) : Optional.empty();
    }

    public int size() {
        return labels.size();
    }
}

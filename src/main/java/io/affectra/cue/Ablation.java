package io.affectra.cue;

import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The same evidence less some cue families, so that an answer can be compared with the one it gives on everything.
 * Declared as {@code -face}, {@code -face,-voice} (or in its canonical form {@code -face-voice}).
 *
 * @param removed the families taken away; empty for {@link #NONE}
 */
public record Ablation(Set<CueFamily> removed) {

    public static final Ablation NONE = new Ablation(Set.of());

    public Ablation {
        removed = removed.isEmpty() ? Set.of() : Collections.unmodifiableSet(EnumSet.copyOf(removed));
    }

    public static Ablation of(CueFamily... families) {
        return new Ablation(families.length == 0 ? Set.of() : EnumSet.of(families[0], families));
    }

    /**
     * Reads a spec: families each led by {@code -}, separated by commas, whitespace or nothing ({@code -face, -voice},
     * {@code -face-voice}); a blank spec is {@link #NONE} and a family named twice counts once.
     *
     * @throws IllegalArgumentException for a family without its {@code -} or one that is not known
     */
    public static Ablation parse(String spec) {
        if (spec == null || spec.isBlank()) {
            return NONE;
        }
        Set<CueFamily> families = EnumSet.noneOf(CueFamily.class);
        for (String item : spec.strip().split("[,\\s]+")) {
            if (!item.startsWith("-")) {
                throw new IllegalArgumentException("ablation '" + item + "' must start with '-' (-face, -voice): known are "
                        + CueFamily.known());
            }
            for (String name : item.substring(1).split("-", -1)) {
                families.add(CueFamily.of(name));
            }
        }
        return new Ablation(families);
    }

    /** For cell ids, in the families' declared order: {@code -face-voice}; empty for {@link #NONE}. */
    public String name() {
        return removed.stream().map(f -> "-" + f.spec()).collect(Collectors.joining());
    }

    public boolean isNone() {
        return removed.isEmpty();
    }

    public boolean removes(Cue cue) {
        return removed.stream().anyMatch(f -> f.matches(cue));
    }

    /** The cues without the removed families, in their order. */
    public Applied apply(CueSet cues) {
        if (isNone()) {
            return new Applied(cues, 0, List.of());
        }
        List<Cue> kept = cues.cues().stream().filter(c -> !removes(c)).toList();
        List<String> withheld = new ArrayList<>();
        for (CueFamily family : removed) {
            withheld.add(family.spec() + ": " + family.measures() + " are withheld on purpose (ablation " + name() + ")");
        }
        return new Applied(new CueSet(kept), cues.size() - kept.size(), withheld);
    }

    /**
     * An ablated cue set.
     *
     * @param cues     what is left
     * @param removed  how many cues were taken away
     * @param withheld one line per removed family, in the shape of the privacy notes, for the prompt's withheld context
     */
    public record Applied(CueSet cues, int removed, List<String> withheld) {

        public Applied {
            withheld = List.copyOf(withheld);
        }
    }
}

package io.affectra.llm.local;

import io.affectra.cue.Cue;
import io.affectra.cue.CueSet;
import io.affectra.cue.CueType;
import io.affectra.cue.Modality;
import io.affectra.vocabulary.LabelSet;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The offline reasoner's answer in sentences, for a person to read: how many people were found and how, each one's
 * reading with its confidence in words, the overall reading and why, and what it rests on or lacks (no face, no speech,
 * no words). Every cue it mentions is followed by its id in brackets; a person's line cites exactly that person's cue
 * ids, the overall reading exactly the answer's.
 * <p>
 * A person's reading is {@link CueFusion} over that person's cues alone (face, and the body around it), so it follows
 * the same weights as the overall one, which fuses everyone's cues and the speaker's.
 */
final class PlainReasoning {

    static final int MAX_CITED = 3;

    /**
     * One person's reading.
     *
     * @param support  the cues that raised the label most, strongest first; empty when it leads on its bias alone
     * @param evidence false when none of the person's cues says anything about feelings (the label is then the default)
     */
    record Reading(People.Person person, String label, double confidence, List<FusionResult.Contribution> support, boolean evidence) {

        List<String> cueIds() {
            return support.stream().map(FusionResult.Contribution::cueId).distinct().toList();
        }
    }

    private final CueFusion fusion;

    PlainReasoning(CueFusion fusion) {
        this.fusion = fusion;
    }

    List<Reading> readings(CueSet cues, LabelSet labels) {
        return People.of(cues).stream().map(p -> read(p, cues, labels)).toList();
    }

    private Reading read(People.Person person, CueSet cues, LabelSet labels) {
        FusionResult result = fusion.fuse(person.cuesIn(cues), labels);
        if (!result.hasEvidence()) {
            String label = fallback(labels);
            return new Reading(person, label, result.probabilities().get(label), List.of(), false);
        }
        String top = result.top();
        return new Reading(person, top, result.probabilities().get(top), result.strongestFor(top, MAX_CITED), true);
    }

    /** The label of an answer with nothing to go on. */
    static String fallback(LabelSet labels) {
        return labels.contains("neutral") ? "neutral" : labels.labels().get(0);
    }

    /**
     * The reasoning of an answer the cues decided.
     *
     * @param cited     what the answer cites: the cues that raised its label most, or, when none did ({@code supported}
     *                  false), the cues that moved the logits most
     * @param runnerUp  the next most likely label, or null
     */
    String decided(CueSet cues, LabelSet labels, List<Reading> readings, FusionResult result, String label,
            List<FusionResult.Contribution> cited, boolean supported, String runnerUp) {
        List<String> lines = new ArrayList<>(people(readings, cues, labels));
        double p = result.probabilities().get(label);
        StringBuilder overall = new StringBuilder("Overall: " + Wording.hedged(label, p) + " (" + label + " " + Wording.number(p) + "). ");
        String agreement = agreement(readings, label);
        List<String> signs = cited.stream().map(c -> phrase(c.cueId(), label, cues, labels, readings, true)).toList();
        if (supported) {
            String clearest = (signs.size() == 1 ? "the clearest sign is " : "the clearest signs are ") + Wording.list(signs);
            overall.append(agreement == null ? Wording.capitalised(clearest) : agreement + "; " + clearest).append('.');
        } else {
            String weak = "no sign points to it, and it leads only because the signs for the other feelings are weak or contradict "
                    + "each other: " + Wording.list(signs);
            overall.append(agreement == null ? Wording.capitalised(weak) : agreement + "; " + weak).append('.');
        }
        if (runnerUp != null) {
            overall.append(" Next most likely: ").append(Wording.adjective(runnerUp)).append(" (")
                    .append(Wording.number(result.probabilities().get(runnerUp))).append(").");
        }
        lines.add(overall.toString());
        lines.add(basis(cues, result, readings));
        return String.join("\n", lines);
    }

    /** The reasoning of an answer no cue moved: who was found, what was missing, and that there is nothing to go on. */
    String undecided(CueSet cues, LabelSet labels, List<Reading> readings, FusionResult result, String label) {
        List<String> lines = new ArrayList<>(people(readings, cues, labels));
        List<String> missing = missing(cues);
        String nothing = "there is nothing to go on, so the answer is " + label + " with low confidence ("
                + Wording.number(result.probabilities().get(label)) + ").";
        lines.add(missing.isEmpty() ? "None of the cues says anything about feelings: " + nothing
                : Wording.capitalised(Wording.list(missing)) + ": " + nothing);
        return String.join("\n", lines);
    }

    /** How many people were found and by what, then one line per person. */
    private List<String> people(List<Reading> readings, CueSet cues, LabelSet labels) {
        long faces = readings.stream().filter(r -> r.person().face()).count();
        long bodies = readings.size() - faces;
        List<String> lines = new ArrayList<>();
        if (faces == 0 && bodies == 0) {
            lines.add("No face was found, and no person either.");
        } else if (faces == 0) {
            lines.add("No face was found; " + count(bodies) + (bodies == 1 ? " was" : " were") + " found by their body alone.");
        } else if (bodies == 0) {
            lines.add(count(faces) + (faces == 1 ? " was found, by their face." : " were found, each by their face."));
        } else {
            lines.add(count(faces + bodies) + " were found: " + faces + " by their face" + (faces == 1 ? "" : "s") + " and " + bodies
                    + " by body alone, without a face.");
        }
        for (Reading r : readings) {
            lines.add(line(r, cues, labels, readings));
        }
        return lines;
    }

    private String line(Reading r, CueSet cues, LabelSet labels, List<Reading> readings) {
        People.Person person = r.person();
        StringBuilder sb = new StringBuilder(person.id());
        if (person.position() != null) {
            sb.append(person.position().equals("centre") ? ", in the centre" : ", on the " + person.position());
        }
        if (!person.face()) {
            sb.append(", seen by body only");
        }
        sb.append(": ");
        if (!r.evidence()) {
            return sb.append("nothing to read (").append(person.face() ? "no expression was measured"
                    : "no gesture or posture that says anything about feelings").append(").").toString();
        }
        sb.append(Wording.hedged(r.label(), r.confidence())).append(" (").append(Wording.number(r.confidence())).append(')');
        if (r.support().isEmpty()) {
            return sb.append(", with no sign pointing to it.").toString();
        }
        List<String> from = r.support().stream().map(c -> phrase(c.cueId(), r.label(), cues, labels, readings, false)).toList();
        return sb.append(", from ").append(Wording.list(from)).append('.').toString();
    }

    /** "3 of the 4 people read as happy"; null for fewer than two people with a reading. */
    private static String agreement(List<Reading> readings, String label) {
        List<Reading> read = readings.stream().filter(Reading::evidence).toList();
        if (read.size() < 2) {
            return null;
        }
        long agree = read.stream().filter(r -> r.label().equals(label)).count();
        String adjective = Wording.adjective(label);
        if (agree == read.size()) {
            return (read.size() == 2 ? "Both people" : "All " + read.size() + " people") + " read as " + adjective;
        }
        if (agree == 0) {
            return "None of the " + read.size() + " people reads as " + adjective + " on their own";
        }
        return agree + " of the " + read.size() + " people " + (agree == 1 ? "reads" : "read") + " as " + adjective;
    }

    /** A cue in words; {@code owned} names the person it belongs to (the overall reading), else it is the line's own. */
    private String phrase(String id, String label, CueSet cues, LabelSet labels, List<Reading> readings, boolean owned) {
        Cue cue = cues.byId(id).orElseThrow();
        String owner = owned ? owner(cue, readings) : null;
        List<String> words = List.of();
        if (cue.type() == CueType.TRANSCRIPT) {
            Map<String, List<String>> hits = fusion.hits(cue.label(), labels);
            Set<String> all = new LinkedHashSet<>();
            (hits.containsKey(label) ? List.of(hits.get(label)) : hits.values()).forEach(all::addAll);
            words = List.copyOf(all);
        }
        return Wording.cue(cue, label, owner, words);
    }

    private static String owner(Cue cue, List<Reading> readings) {
        Map<String, String> bySubject = new HashMap<>();
        readings.forEach(r -> r.person().subjects().forEach(s -> bySubject.put(s, r.person().id())));
        return bySubject.get(cue.subject());
    }

    /** What the reading rests on, and which of speech and words were missing. */
    private static String basis(CueSet cues, FusionResult result, List<Reading> readings) {
        Set<Modality> moved = new LinkedHashSet<>();
        for (FusionResult.Contribution c : result.contributions()) {
            if (c.magnitude() > 0) {
                cues.byId(c.cueId()).ifPresent(cue -> moved.add(cue.modality()));
            }
        }
        List<String> rests = new ArrayList<>();
        if (moved.contains(Modality.FACE)) {
            rests.add(readings.stream().filter(r -> r.person().face()).count() == 1 ? "the face" : "the faces");
        }
        if (moved.contains(Modality.BODY)) {
            rests.add("body language");
        }
        if (moved.contains(Modality.VOICE)) {
            rests.add("the voice");
        }
        if (moved.contains(Modality.TEXT)) {
            rests.add("the words");
        }
        if (rests.isEmpty()) {
            rests.add("the other cues");
        }
        List<String> missing = missing(cues);
        String on = Wording.list(rests) + (rests.size() == 1 ? " alone" : "");
        return missing.isEmpty() ? "The reading rests on " + Wording.list(rests) + "."
                : Wording.capitalised(Wording.list(missing)) + ", so the reading rests on " + on + ".";
    }

    private static List<String> missing(CueSet cues) {
        List<String> out = new ArrayList<>();
        if (cues.cues().stream().noneMatch(c -> c.modality() == Modality.VOICE)) {
            out.add("no speech was heard");
        }
        if (cues.cues().stream().noneMatch(c -> c.modality() == Modality.TEXT)) {
            out.add("no words (transcript) were given");
        }
        return out;
    }

    private static String count(long n) {
        return n + (n == 1 ? " person" : " people");
    }
}

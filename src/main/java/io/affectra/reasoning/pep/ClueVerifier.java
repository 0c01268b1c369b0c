package io.affectra.reasoning.pep;

import io.affectra.cue.Cue;
import io.affectra.cue.CueSet;
import io.affectra.cue.CueType;
import io.affectra.knowledge.KnowledgeHit;
import io.affectra.llm.local.CueSupport;
import io.affectra.reasoning.ClueVerification;
import io.affectra.reasoning.ClueVerification.Verdict;
import io.affectra.vocabulary.LabelSet;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * PEP-MEK's verification of cited clues, done by Affectra rather than by the model: every cue id an answer cites must
 * exist in the analysis and its measurement must support the stated emotion; every fact id must be one of the facts
 * retrieved for the request. Whether a cue supports the label is {@link CueSupport}'s rule per cue type.
 */
@ApplicationScoped
public class ClueVerifier {

    private final CueSupport support;

    public ClueVerifier(CueSupport support) {
        this.support = support;
    }

    /** Verifies the clues cited for an emotion label. */
    public ClueVerification verifyEmotion(String label, Collection<String> citedCues, Collection<String> citedFacts, CueSet cues,
            LabelSet labels, List<KnowledgeHit> facts) {
        List<Verdict> kept = new ArrayList<>();
        List<Verdict> dropped = new ArrayList<>();
        for (String id : new LinkedHashSet<>(citedCues)) {
            Optional<Cue> cue = cues.byId(id);
            if (cue.isEmpty()) {
                dropped.add(new Verdict(id, "cue", "no cue with this id was measured in this media"));
                continue;
            }
            CueSupport.Check check = support.check(cue.get(), label, labels);
            (check.kept() ? kept : dropped).add(new Verdict(id, "cue", check.why()));
        }
        facts(citedFacts, facts, kept, dropped);
        return new ClueVerification(kept, dropped);
    }

    /** Verifies the clues cited for an answer to a closed question: cues must exist and be evidence; facts retrieved. */
    public ClueVerification verifyQuestion(Collection<String> citedCues, Collection<String> citedFacts, CueSet cues, List<KnowledgeHit> facts) {
        List<Verdict> kept = new ArrayList<>();
        List<Verdict> dropped = new ArrayList<>();
        for (String id : new LinkedHashSet<>(citedCues)) {
            Optional<Cue> cue = cues.byId(id);
            if (cue.isEmpty()) {
                dropped.add(new Verdict(id, "cue", "no cue with this id was measured in this media"));
            } else if (cue.get().type() == CueType.PRIOR) {
                dropped.add(new Verdict(id, "cue", "a demographic prior is not evidence about emotions"));
            } else {
                kept.add(new Verdict(id, "cue", "measured: " + summary(cue.get())));
            }
        }
        facts(citedFacts, facts, kept, dropped);
        return new ClueVerification(kept, dropped);
    }

    private static void facts(Collection<String> cited, List<KnowledgeHit> facts, List<Verdict> kept, List<Verdict> dropped) {
        for (String id : new LinkedHashSet<>(cited)) {
            Optional<KnowledgeHit> hit = facts.stream().filter(f -> f.id().equals(id)).findFirst();
            if (hit.isPresent()) {
                kept.add(new Verdict(id, "fact", String.format(Locale.ROOT, "retrieved for this request (similarity %.2f; %s)",
                        hit.get().score(), hit.get().source())));
            } else {
                dropped.add(new Verdict(id, "fact", "not one of the facts retrieved for this request"));
            }
        }
    }

    private static String summary(Cue cue) {
        return String.format(Locale.ROOT, "%s %s %.2f", cue.type(), cue.label(), cue.score());
    }
}

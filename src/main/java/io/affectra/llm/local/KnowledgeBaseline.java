package io.affectra.llm.local;

import io.affectra.knowledge.KnowledgeConfig;
import io.affectra.knowledge.KnowledgeHit;
import io.affectra.knowledge.KnowledgeRetriever;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The local baseline on knowledge questions. It has no knowledge of its own beyond the knowledge base, and two modes:
 * <ul>
 * <li>recognise (every strategy's first answer): yes iff the closest fact in the knowledge base is at least
 * {@code affectra.knowledge.local-familiarity} similar to the claim. A claim that swaps one word of a true fact stays
 * just as close, so this says yes to most hallucinated questions: the failure the benchmark measures.</li>
 * <li>verify (with facts given in the request, as PEP-MEK gives them): yes iff some given fact is that similar and
 * {@link ClaimChecker} finds no conflicting word between the claim and that fact.</li>
 * </ul>
 */
@ApplicationScoped
public class KnowledgeBaseline {

    /** The outcome for one claim: the decision, the fact it rests on and what conflicted. */
    public record Judgement(boolean yes, KnowledgeHit fact, List<ClaimChecker.Conflict> conflicts, String reasoning) {
    }

    private final KnowledgeRetriever retriever;
    private final ClaimChecker checker;
    private final double familiarity;

    public KnowledgeBaseline(KnowledgeRetriever retriever, KnowledgeConfig config) {
        this.retriever = retriever;
        this.checker = new ClaimChecker();
        this.familiarity = config.localFamiliarity();
    }

    public String describe() {
        return String.format(Locale.ROOT, "knowledge baseline (familiarity >= %.2f, claim check %s)", familiarity, checker.version());
    }

    public Judgement recognise(String claim) {
        List<KnowledgeHit> top = retriever.retrieve(claim, 1);
        if (top.isEmpty()) {
            return new Judgement(false, null, List.of(), "the knowledge base has nothing close to this claim");
        }
        KnowledgeHit best = top.get(0);
        boolean yes = best.score() >= familiarity;
        return new Judgement(yes, best, List.of(), String.format(Locale.ROOT, "the closest fact [%s] is %.2f similar to the claim (%s %.2f), so it %s",
                best.id(), best.score(), yes ? ">=" : "<", familiarity, yes ? "sounds familiar: yes" : "is not recognised: no"));
    }

    /** Against the given facts (their scores are their similarity to the question the facts were retrieved for). */
    public Judgement verify(String claim, List<KnowledgeHit> facts, boolean scoresAreForThisClaim) {
        if (facts.isEmpty()) {
            Judgement r = recognise(claim);
            return new Judgement(r.yes(), r.fact(), List.of(), "no facts were given to verify against; " + r.reasoning());
        }
        Judgement closest = null;
        List<String> rejected = new ArrayList<>();
        for (KnowledgeHit fact : facts) {
            double similarity = scoresAreForThisClaim ? fact.score() : retriever.similarity(claim, fact.id());
            if (similarity < familiarity) {
                rejected.add(String.format(Locale.ROOT, "[%s] too far (%.2f)", fact.id(), similarity));
                continue;
            }
            List<ClaimChecker.Conflict> conflicts = checker.conflicts(claim, fact.text());
            if (conflicts.isEmpty()) {
                return new Judgement(true, fact, List.of(), String.format(Locale.ROOT,
                        "[%s] (similarity %.2f) backs the claim: every name, number, emotion, body part and direction in it matches", fact.id(), similarity));
            }
            rejected.add("[" + fact.id() + "] conflicts: " + String.join("; ", conflicts.stream().map(ClaimChecker.Conflict::describe).toList()));
            if (closest == null) {
                closest = new Judgement(false, fact, conflicts, "");
            }
        }
        String why = "no given fact backs the claim: " + String.join(" | ", rejected);
        return closest == null ? new Judgement(false, facts.get(0), List.of(), why) : new Judgement(false, closest.fact(), closest.conflicts(), why);
    }

    /** Similarity of a claim to one fact of the base. */
    public double similarity(String claim, String factId) {
        return retriever.similarity(claim, factId);
    }
}

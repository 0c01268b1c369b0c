package io.affectra.reasoning.pep;

import io.affectra.knowledge.KnowledgeHit;
import io.affectra.llm.AnsweredCall;
import io.affectra.llm.QuestionParser;
import io.affectra.llm.QuestionReply;
import io.affectra.reasoning.ClueVerification;
import io.affectra.reasoning.QuestionInput;
import io.affectra.reasoning.StrategyInput;
import io.affectra.vocabulary.EmotionAnswer;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * PEP-MEK's check of a final answer: the clues it cites (its id lists and the ids in its reasoning, less those its
 * reasoning cites only for one person's reading) are sorted into cues and facts and verified ({@link ClueVerifier}); an
 * emotion answer keeps only the cues that were kept, and its per-person readings as they were.
 */
final class CitedClueCheck implements LoopSteps.Verification {

    private final ClueVerifier verifier;

    CitedClueCheck(ClueVerifier verifier) {
        this.verifier = verifier;
    }

    @Override
    public LoopSteps.Verified emotion(EmotionAnswer said, AnsweredCall last, StrategyInput input, List<KnowledgeHit> facts) {
        Set<String> citedCues = new LinkedHashSet<>(said.cueIds());
        citedCues.addAll(last.unknownCueIds());
        List<String> citedFacts = new ArrayList<>();
        // A per-person reading cites its cues for that person's label, not for the answer's: they are not checked against it.
        Set<String> perPerson = new LinkedHashSet<>();
        said.people().forEach(p -> perPerson.addAll(p.cueIds()));
        for (String id : QuestionParser.citedIds(said.reasoning())) {
            if (perPerson.contains(id) && !citedCues.contains(id)) {
                continue;
            }
            if (input.cues().contains(id) || last.unknownCueIds().contains(id)) {
                citedCues.add(id);
            } else if (looksLikeFact(id)) {
                citedFacts.add(id);
            } else {
                citedCues.add(id);
            }
        }
        ClueVerification verification = verifier.verifyEmotion(said.label(), citedCues, citedFacts, input.cues(), input.labels(), facts);
        EmotionAnswer verified = said.withCueIds(verification.keptIds("cue"));
        return new LoopSteps.Verified(verified, verification);
    }

    @Override
    public ClueVerification question(QuestionReply reply, QuestionInput input, List<KnowledgeHit> facts) {
        Set<String> citedCues = new LinkedHashSet<>(reply.cueIds());
        Set<String> citedFacts = new LinkedHashSet<>(reply.factIds());
        for (String id : QuestionParser.citedIds(reply.reasoning())) {
            (looksLikeFact(id) && !input.cues().contains(id) ? citedFacts : citedCues).add(id);
        }
        return verifier.verifyQuestion(citedCues, citedFacts, input.cues(), facts);
    }

    /** Fact ids are k + digits ({@code k012}); cue ids are F1.expr, T1, ... */
    private static boolean looksLikeFact(String id) {
        return id.matches("k\\d{1,5}");
    }
}

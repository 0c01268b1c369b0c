package io.affectra.llm.local;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.affectra.cue.Cue;
import io.affectra.cue.CueRenderer;
import io.affectra.cue.CueSet;
import io.affectra.cue.CueType;
import io.affectra.knowledge.KnowledgeHit;
import io.affectra.llm.AnswerParser;
import io.affectra.llm.BackendRequest;
import io.affectra.llm.BackendTask;
import io.affectra.llm.InvalidAnswerException;
import io.affectra.llm.ParsedAnswer;
import io.affectra.llm.StepSchemas;
import io.affectra.vocabulary.StepName;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * What the offline {@code local} backend does with questions, reasoning steps and judgements: deterministic baselines,
 * each reply led by {@link #DISCLAIMER}. Same request, same reply.
 * <ul>
 * <li>Perception questions (the request has face cues): {@link PerceptionRules}; outside its grammar it answers
 * "cannot tell" (unparseable by design).</li>
 * <li>Knowledge questions (no face cues): {@link KnowledgeBaseline}, recognising in the {@code answer} step and
 * verifying against the given facts in the {@code final} step when facts were given (PEP-MEK). Choices: the option
 * whose claim (question + option) fares best the same way.</li>
 * <li>describe: the cues in words; explain: each claim checked (knowledge: against the given facts; emotion answers:
 * the cited cues by {@link CueSupport}, the rule PEP-MEK's clue verification applies); judge: {@link LexicalJudge}.</li>
 * </ul>
 */
@ApplicationScoped
public class LocalTaskAnswerer {

    public static final String DISCLAIMER = "Offline baseline (not an LLM): ";

    private static final ObjectMapper JSON = new ObjectMapper();

    private final KnowledgeBaseline knowledge;
    private final PerceptionRules perception = new PerceptionRules();
    private final LexicalJudge judge = new LexicalJudge();
    private final CueSupport support;
    private final CueRenderer renderer;
    private final AnswerParser parser;

    public LocalTaskAnswerer(KnowledgeBaseline knowledge, CueSupport support, CueRenderer renderer, AnswerParser parser) {
        this.knowledge = knowledge;
        this.support = support;
        this.renderer = renderer;
        this.parser = parser;
    }

    /** A short description for {@code model} listings. */
    public String describe() {
        return "perception rules + " + knowledge.describe();
    }

    /** The reply text for a request whose {@link BackendRequest#task()} is not null. Deterministic. */
    public String reply(BackendRequest request) {
        CueSet cues = request.cues() == null ? CueSet.EMPTY : request.cues();
        return json(switch (request.task()) {
            case BackendTask.Question q -> question(q, cues);
            case BackendTask.Step s when s.step() == StepName.DESCRIBE -> Map.of("description", DISCLAIMER + describe(cues));
            case BackendTask.Step s -> request.labels() != null ? explainEmotion(s, request) : explainQuestion(s, cues);
            case BackendTask.Judge j -> judge(j);
        });
    }

    private Map<String, Object> question(BackendTask.Question q, CueSet cues) {
        if (hasFaces(cues)) {
            if (!q.yesNo()) {
                return answer("cannot tell", "perception questions with choices are outside the local grammar", List.of(), List.of());
            }
            return perception.answer(q.question(), cues)
                    .map(a -> answer(a.yes() ? "yes" : "no", a.reasoning(), a.cueIds(), List.of()))
                    .orElseGet(() -> answer("cannot tell", "the question is outside the perception grammar the local baseline reads "
                            + "(counts; smiling, laughing, frowning, mouth open, looks <emotion>; by position or quantifier)", List.of(), List.of()));
        }
        boolean verify = q.step() == StepName.FINAL && !q.facts().isEmpty();
        if (q.yesNo()) {
            KnowledgeBaseline.Judgement j = verify ? knowledge.verify(q.question(), q.facts(), true) : knowledge.recognise(q.question());
            return answer(j.yes() ? "yes" : "no", j.reasoning(), List.of(), j.fact() == null || !verify ? List.of() : List.of(j.fact().id()));
        }
        return choice(q, verify);
    }

    /** Each option as a claim "question option"; verified options first, then the most familiar. */
    private Map<String, Object> choice(BackendTask.Question q, boolean verify) {
        List<String> letters = StepSchemas.letters(q.choices().size());
        int best = -1;
        double bestScore = Double.NEGATIVE_INFINITY;
        KnowledgeBaseline.Judgement bestJudgement = null;
        List<String> notes = new ArrayList<>();
        for (int i = 0; i < q.choices().size(); i++) {
            String claim = q.question() + " " + q.choices().get(i);
            KnowledgeBaseline.Judgement j = verify ? knowledge.verify(claim, q.facts(), false) : knowledge.recognise(claim);
            double similarity = j.fact() == null ? -1 : knowledge.similarity(claim, j.fact().id());
            double score = (j.yes() ? 10 : 0) + similarity;
            notes.add(String.format(Locale.ROOT, "%s: %s %.2f", letters.get(i), j.yes() ? "backed" : "not backed", similarity));
            if (score > bestScore) {
                best = i;
                bestScore = score;
                bestJudgement = j;
            }
        }
        List<String> facts = bestJudgement == null || bestJudgement.fact() == null || !verify ? List.of() : List.of(bestJudgement.fact().id());
        return answer(letters.get(best), String.join("; ", notes) + ". " + (bestJudgement == null ? "" : bestJudgement.reasoning()), List.of(), facts);
    }

    private String describe(CueSet cues) {
        if (cues.isEmpty()) {
            return "there is no media evidence; the question is about knowledge.";
        }
        return "the measurements are:\n" + renderer.render(cues);
    }

    private Map<String, Object> explainQuestion(BackendTask.Step s, CueSet cues) {
        List<Map<String, Object>> claims = new ArrayList<>();
        String conclusion;
        if (hasFaces(cues)) {
            Optional<PerceptionRules.Answer> a = perception.answer(s.question(), cues);
            claims.add(claim(s.question(), a.map(PerceptionRules.Answer::cueIds).orElse(List.of()),
                    a.isEmpty() ? "unsupported" : a.get().yes() ? "supported" : "contradicted"));
            conclusion = a.map(x -> "The cues say: " + x.reasoning()).orElse("The question is outside the perception grammar; no check possible.");
        } else if (s.facts().isEmpty()) {
            claims.add(claim(s.question(), List.of(), "unsupported"));
            conclusion = "No facts were given, so the claim cannot be checked; the answer stands.";
        } else {
            KnowledgeBaseline.Judgement j = knowledge.verify(s.question(), s.facts(), true);
            List<String> evidence = j.fact() == null ? List.of() : List.of(j.fact().id());
            if (j.yes()) {
                claims.add(claim(s.question(), evidence, "supported"));
            } else if (j.conflicts().isEmpty()) {
                claims.add(claim(s.question(), evidence, "unsupported"));
            } else {
                j.conflicts().forEach(c -> claims.add(claim(c.describe(), evidence, "contradicted")));
            }
            conclusion = j.reasoning();
        }
        return explanation(claims, DISCLAIMER + conclusion);
    }

    /** The cited cues of the answer being explained, each checked like PEP-MEK's verification checks them. */
    private Map<String, Object> explainEmotion(BackendTask.Step s, BackendRequest request) {
        String initial = s.previous().isEmpty() ? "" : s.previous().get(s.previous().size() - 1);
        CueSet cues = request.cues() == null ? CueSet.EMPTY : request.cues();
        ParsedAnswer parsed;
        try {
            parsed = parser.parse(initial, request.labels(), cues);
        } catch (InvalidAnswerException e) {
            return explanation(List.of(), DISCLAIMER + "the answer to check is not readable: " + e.reason());
        }
        String label = parsed.answer().label();
        List<Map<String, Object>> claims = new ArrayList<>();
        for (String id : parsed.answer().cueIds()) {
            Cue cue = cues.byId(id).orElseThrow();
            CueSupport.Check check = support.check(cue, label, request.labels());
            claims.add(claim("[" + id + "] supports " + label + ": " + check.why(), List.of(id), check.kept() ? "supported" : "unsupported"));
        }
        parsed.unknownCueIds().forEach(id -> claims.add(claim("[" + id + "] was cited but not measured", List.of(id), "unsupported")));
        for (KnowledgeHit fact : s.facts()) {
            if (fact.text().toLowerCase(Locale.ROOT).contains(label)) {
                claims.add(claim("[" + fact.id() + "] links " + label + " to: " + fact.text(), List.of(fact.id()), "supported"));
            }
        }
        long unsupported = claims.stream().filter(c -> !"supported".equals(c.get("verdict"))).count();
        return explanation(claims, DISCLAIMER + (unsupported == 0 ? "every cited clue supports " + label + "; the answer stands."
                : unsupported + " cited clue(s) do not support " + label + " and should be dropped; the label stands on the rest."));
    }

    private Map<String, Object> judge(BackendTask.Judge j) {
        LexicalJudge.Scores scores = judge.judge(j.referenceLabel(), j.referenceReasoning(), j.label(), j.reasoning());
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("clueOverlap", scores.clueOverlap());
        out.put("labelOverlap", scores.labelOverlap());
        out.put("rationale", scores.rationale());
        return out;
    }

    private static boolean hasFaces(CueSet cues) {
        return cues.cues().stream().anyMatch(c -> c.type() == CueType.EXPRESSION || c.type() == CueType.ACTION_UNIT);
    }

    private static Map<String, Object> answer(String answer, String reasoning, List<String> cueIds, List<String> factIds) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("answer", answer);
        out.put("reasoning", DISCLAIMER + reasoning);
        out.put("cueIds", cueIds);
        out.put("factIds", factIds);
        return out;
    }

    /** In the explanation schema's order: Map.of would order the keys differently from one JVM to the next. */
    private static Map<String, Object> explanation(List<Map<String, Object>> claims, String conclusion) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("claims", claims);
        out.put("conclusion", conclusion);
        return out;
    }

    private static Map<String, Object> claim(String text, List<String> evidence, String verdict) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("claim", text);
        out.put("evidence", evidence);
        out.put("verdict", verdict);
        return out;
    }

    private static String json(Object value) {
        try {
            return JSON.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write the local reply", e);
        }
    }
}

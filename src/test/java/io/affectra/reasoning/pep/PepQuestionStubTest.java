package io.affectra.reasoning.pep;

import static org.assertj.core.api.Assertions.assertThat;

import io.affectra.eval.CaseEvidence;
import io.affectra.reasoning.QuestionInput;
import io.affectra.reasoning.QuestionResult;
import io.affectra.reasoning.StrategyRegistry;
import io.affectra.testing.OpenAiStub;
import io.affectra.testing.OpenAiStubResource;
import io.affectra.testing.TestMedia;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The PEP loops on a yes/no question about a photograph, over real HTTP to a scripted OpenAI-compatible stub. */
@QuarkusTest
@QuarkusTestResource(value = OpenAiStubResource.class, restrictToAnnotatedClass = true)
class PepQuestionStubTest {

    private static final Pattern FACT = Pattern.compile("\\[(k\\d{3})]");

    OpenAiStub stub;

    @Inject
    StrategyRegistry strategies;

    @Inject
    CaseEvidence evidence;

    @AfterEach
    void reset() {
        stub.reset();
    }

    private QuestionInput question(String text) {
        CaseEvidence.Evidence photo = evidence.of(TestMedia.file("sample3.jpg"), null, false, CaseEvidence.newCache());
        return new QuestionInput(text, List.of(), photo.cues(), null, photo.faceCount(), "stub");
    }

    private static String prompt(OpenAiStub.RecordedRequest r) {
        return r.json().path("messages").get(1).path("content").asText();
    }

    @Test
    void pepMekAsksThreeTimesWithCuesAndFactsAndDropsWhatTheyDoNotSupport() {
        // The final answer cites the first fact it was shown, one it was not, a measured cue and one never measured.
        stub.answerWith(r -> {
            String p = prompt(r);
            Matcher fact = FACT.matcher(p);
            String shown = fact.find() ? fact.group(1) : "k000";
            if (p.contains("Check of the first answer")) {
                return OpenAiStub.Response.ok(OpenAiStub.chatCompletion("{\"answer\":\"yes\",\"reasoning\":\"[F2.expr] smiles, as [" + shown
                        + "] explains; [F7.expr] too.\",\"cueIds\":[\"F2.expr\",\"F7.expr\"],\"factIds\":[\"" + shown + "\",\"k999\"]}", 100, 20));
            }
            if (p.contains("Answer to check")) {
                return OpenAiStub.Response.ok(OpenAiStub.chatCompletion("{\"claims\":[{\"claim\":\"F2 smiles\",\"evidence\":[\"F2.expr\"],"
                        + "\"verdict\":\"supported\"}],\"conclusion\":\"stands\"}", 100, 20));
            }
            return OpenAiStub.Response.ok(OpenAiStub.chatCompletion("{\"answer\":\"yes\",\"reasoning\":\"[F2.expr]\",\"cueIds\":[\"F2.expr\"],"
                    + "\"factIds\":[]}", 100, 20));
        });
        int before = stub.requests().size();

        QuestionResult result = strategies.get("pep-mek").ask(question("Is the person in the middle smiling?"));

        List<OpenAiStub.RecordedRequest> calls = stub.requests().subList(before, stub.requests().size());
        assertThat(calls).hasSize(3);
        assertThat(prompt(calls.get(0))).contains("Modality knowledge").contains("Question: Is the person in the middle smiling?");
        assertThat(prompt(calls.get(1))).contains("Answer to check:");
        assertThat(prompt(calls.get(2))).contains("First answer:").contains("Check of the first answer:").contains("stands");
        for (OpenAiStub.RecordedRequest call : calls) {
            assertThat(prompt(call)).contains("[F2.expr] face F2").contains("Emotion knowledge:");
            result.knowledge().forEach(f -> assertThat(prompt(call)).contains("[" + f.id() + "]").contains(f.text()));
        }
        assertThat(calls.get(0).json().path("response_format").toString()).contains("question_answer").contains("\"yes\"");

        assertThat(result.reply().answer()).isEqualTo("yes");
        String shown = result.knowledge().get(0).id();
        assertThat(result.verification().keptIds("cue")).containsExactly("F2.expr");
        assertThat(result.verification().keptIds("fact")).containsExactly(shown);
        assertThat(result.verification().dropped()).extracting(v -> v.id()).containsExactlyInAnyOrder("F7.expr", "k999");
        assertThat(result.verification().dropped()).allSatisfy(v -> assertThat(v.why()).isNotBlank());
        assertThat(result.steps()).extracting(s -> s.step().wire()).containsExactly("knowledge", "answer", "explain", "final");
        assertThat(result.promptTokens()).isEqualTo(300);
    }

    @Test
    void selfPepDescribesAnswersExplainsAndAnswersAgainInThatOrder() {
        stub.enqueue(
                OpenAiStub.Response.ok(OpenAiStub.chatCompletion("{\"description\":\"Three women; the one in the middle smiles broadly.\"}", 1, 1)),
                OpenAiStub.Response.ok(OpenAiStub.chatCompletion("{\"answer\":\"no\",\"reasoning\":\"hm\",\"cueIds\":[],\"factIds\":[]}", 1, 1)),
                OpenAiStub.Response.ok(OpenAiStub.chatCompletion("{\"claims\":[{\"claim\":\"not smiling\",\"evidence\":[],\"verdict\":\"contradicted\"}],"
                        + "\"conclusion\":\"the description says she smiles\"}", 1, 1)),
                OpenAiStub.Response.ok(OpenAiStub.chatCompletion("Yes. She smiles broadly.", 1, 1)));
        int before = stub.requests().size();

        QuestionResult result = strategies.get("pep").ask(question("Is the person in the middle smiling?"));

        List<OpenAiStub.RecordedRequest> calls = stub.requests().subList(before, stub.requests().size());
        assertThat(calls).hasSize(4);
        assertThat(prompt(calls.get(0))).contains("[F2.expr] face F2").contains("Question to prepare for");
        assertThat(prompt(calls.get(1))).contains("Your description of the evidence:").contains("smiles broadly").doesNotContain("[F2.expr] face F2");
        assertThat(prompt(calls.get(2))).contains("Answer to check:").contains("\"no\"");
        assertThat(prompt(calls.get(3))).contains("Check of the first answer:").contains("the description says she smiles");
        assertThat(result.steps()).extracting(s -> s.parsed()).containsExactly(null, "no", null, "yes");
        assertThat(result.reply().answer()).isEqualTo("yes");
        assertThat(result.reply().raw()).isEqualTo("Yes. She smiles broadly.");
        assertThat(result.verification()).isNull();
    }
}

package io.affectra.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.buffer.Buffer;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class SseRelayTest {

    private final List<String> seen = new ArrayList<>();

    private SseRelay relay(long cueTokens) {
        return new SseRelay(cueTokens, new SseRelay.Listener() {
            @Override
            public void firstToken() {
                seen.add("token");
            }

            @Override
            public void usage(UsageRewriter.Usage usage) {
                seen.add("usage " + usage.promptTokens() + "/" + usage.completionTokens());
            }
        });
    }

    private static final String ROLE = "data: {\"choices\":[{\"index\":0,\"delta\":{\"role\":\"assistant\",\"content\":\"\"}}]}\n\n";
    private static final String TOKEN = "data: {\"choices\":[{\"index\":0,\"delta\":{\"content\":\"Hi\"}}],\"usage\":null}\n\n";
    private static final String USAGE = "data: {\"choices\":[],\"usage\":{\"prompt_tokens\":10,\"completion_tokens\":2,\"total_tokens\":12}}\n\n";
    private static final String DONE = "data: [DONE]\n\n";

    @Test
    void completeEventsPassThroughUnchangedAndAtOnce() {
        SseRelay relay = relay(0);
        Buffer in = Buffer.buffer(ROLE + TOKEN);

        Buffer out = relay.feed(in);

        assertThat(out.toString()).isEqualTo(ROLE + TOKEN);
        assertThat(seen).containsExactly("token");
    }

    @Test
    void anEventSplitAcrossReadsGoesOutWhenComplete() {
        SseRelay relay = relay(0);
        String all = ROLE + TOKEN;
        int cut = ROLE.length() + 10;

        assertThat(relay.feed(Buffer.buffer(all.substring(0, cut))).toString()).isEqualTo(ROLE);
        assertThat(seen).isEmpty();
        assertThat(relay.feed(Buffer.buffer(all.substring(cut))).toString()).isEqualTo(TOKEN);
        assertThat(seen).containsExactly("token");
    }

    @Test
    void theUsageChunkGetsTheCueContextTokensAndIsReported() {
        SseRelay relay = relay(300);

        String out = relay.feed(Buffer.buffer(TOKEN + USAGE + DONE)).toString();

        assertThat(out).startsWith(TOKEN).endsWith(DONE);
        assertThat(out).contains("\"usage\":{\"prompt_tokens\":10,\"completion_tokens\":2,\"total_tokens\":12,\"cue_context_tokens\":300}");
        assertThat(seen).containsExactly("token", "usage 10/2");
        assertThat(relay.done()).isTrue();
    }

    @Test
    void withoutCueTokensTheUsageChunkIsReadButNotRewritten() {
        SseRelay relay = relay(0);

        assertThat(relay.feed(Buffer.buffer(USAGE)).toString()).isEqualTo(USAGE);
        assertThat(seen).containsExactly("usage 10/2");
    }

    @Test
    void toolCallsCountAsTheFirstTokenAndCrlfFramingWorks() {
        SseRelay relay = relay(0);
        String call = "data: {\"choices\":[{\"delta\":{\"tool_calls\":[{\"index\":0}]}}]}\r\n\r\n";

        assertThat(relay.feed(Buffer.buffer(call)).toString()).isEqualTo(call);
        assertThat(seen).containsExactly("token");
    }

    @Test
    void anUnterminatedTailIsFlushedAtTheEnd() {
        SseRelay relay = relay(0);

        assertThat(relay.feed(Buffer.buffer("data: {\"choices\":[]}")).length()).isZero();
        assertThat(relay.finish().toString()).isEqualTo("data: {\"choices\":[]}");
        assertThat(relay.done()).isFalse();
    }

    @Test
    void onlyTheFirstOccurrenceOfEachTokenMarkCountsAsBefore() {
        SseRelay relay = relay(0);
        // The first "content" opens an empty string, so content does not count in this event; a refusal does.
        String twoChoices = "data: {\"choices\":[{\"delta\":{\"content\":\"\"}},{\"delta\":{\"content\":\"x\"}}]}\n\n";
        String refusal = "data: {\"choices\":[{\"delta\":{\"content\":\"\",\"refusal\":\"No.\"}}]}\n\n";

        assertThat(relay.feed(Buffer.buffer(twoChoices)).toString()).isEqualTo(twoChoices);
        assertThat(seen).isEmpty();
        assertThat(relay.feed(Buffer.buffer(refusal)).toString()).isEqualTo(refusal);
        assertThat(seen).containsExactly("token");
    }

    @Test
    void aTokenAndTheUsageInOneEventAreBothReportedTokenFirst() {
        SseRelay relay = relay(7);
        String both = "data: {\"choices\":[{\"delta\":{\"content\": \"Hi\"}}],\"usage\":{\"prompt_tokens\":4,\"completion_tokens\":1}}\n\n";

        String out = relay.feed(Buffer.buffer(both)).toString();

        assertThat(seen).containsExactly("token", "usage 4/1");
        assertThat(out).contains("\"cue_context_tokens\":7");
    }

    @Test
    void onlyTheFirstUsageKeyDecidesWhetherTheEventCarriesUsage() {
        SseRelay relay = relay(0);
        // "usage":null first: the later object is a tool argument, not the chunk's usage.
        String nullFirst = "data: {\"usage\":null,\"choices\":[{\"delta\":{\"tool_calls\":[{\"function\":{\"usage\":{\"a\":1}}}]}}]}\n\n";

        assertThat(relay.feed(Buffer.buffer(nullFirst + DONE)).toString()).isEqualTo(nullFirst + DONE);
        assertThat(seen).containsExactly("token");
        assertThat(relay.done()).isTrue();
    }
}

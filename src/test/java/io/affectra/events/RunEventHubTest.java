package io.affectra.events;

import static org.assertj.core.api.Assertions.assertThat;

import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.helpers.test.AssertSubscriber;
import java.util.List;
import org.junit.jupiter.api.Test;

class RunEventHubTest {

    record Step(String event, String value) implements RunEvent {
        @Override
        public Replay replay() {
            return switch (event) {
                case "progress" -> Replay.LATEST;
                case "window" -> Replay.ALL;
                default -> Replay.TERMINAL;
            };
        }
    }

    static final class Hub extends RunEventHub<Step> {
        Hub(int kept) {
            super(kept);
        }
    }

    private static AssertSubscriber<Step> follow(Hub hub, String id) {
        return Multi.createFrom().<Step>emitter(e -> hub.subscribe(id, e)).subscribe().withSubscriber(AssertSubscriber.create(100));
    }

    private static List<String> values(AssertSubscriber<Step> s) {
        return s.getItems().stream().map(Step::value).toList();
    }

    @Test
    void aLateSubscriberGetsTheNewestProgressEveryWindowThenLiveEvents() {
        Hub hub = new Hub(10);
        hub.open("r");
        hub.publish("r", new Step("progress", "p1"));
        hub.publish("r", new Step("window", "w1"));
        hub.publish("r", new Step("progress", "p2"));
        hub.publish("r", new Step("window", "w2"));

        AssertSubscriber<Step> late = follow(hub, "r");
        assertThat(values(late)).containsExactly("p2", "w1", "w2");

        hub.publish("r", new Step("completed", "done"));
        late.assertCompleted();
        assertThat(values(late)).containsExactly("p2", "w1", "w2", "done");
    }

    @Test
    void aSubscriberAfterTheEndHearsHowItEndedAndNothingAfterIt() {
        Hub hub = new Hub(10);
        hub.open("r");
        hub.publish("r", new Step("failed", "why"));
        hub.publish("r", new Step("progress", "too late"));

        AssertSubscriber<Step> after = follow(hub, "r");
        after.assertCompleted();
        assertThat(values(after)).containsExactly("why");
    }

    @Test
    void anUnknownRunCompletesAtOnceAndAnOpenedOneWaits() {
        Hub hub = new Hub(10);
        follow(hub, "nobody").assertCompleted().assertHasNotReceivedAnyItem();
        hub.open("r");
        AssertSubscriber<Step> waiting = follow(hub, "r");
        waiting.assertNotTerminated();
        assertThat(hub.knows("r")).isTrue();
    }

    @Test
    void aRunStartedAgainGetsAFreshLogAndOnlyFinishedRunsAreForgotten() {
        Hub hub = new Hub(1);
        hub.open("a");
        hub.publish("a", new Step("completed", "first"));
        hub.open("a");
        AssertSubscriber<Step> resumed = follow(hub, "a");
        resumed.assertNotTerminated().assertHasNotReceivedAnyItem();

        hub.open("running");
        hub.open("b");
        hub.publish("b", new Step("completed", "b"));
        assertThat(hub.knows("running")).isTrue();
    }
}

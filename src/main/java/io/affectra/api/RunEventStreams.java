package io.affectra.api;

import io.affectra.eval.EvaluationEvents;
import io.affectra.events.RunEvent;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.infrastructure.Infrastructure;
import io.smallrye.mutiny.subscription.BackPressureStrategy;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.sse.OutboundSseEvent;
import jakarta.ws.rs.sse.Sse;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * The SSE stream of a background run (an evaluation or an experiment): {@code progress} events from the hub, then the
 * run's whole view under its final status's name; a run that is not executing here gets its stored view once, unless
 * replicas relay their events (then it is followed wherever it executes).
 */
final class RunEventStreams {

    private RunEventStreams() {
    }

    /**
     * @param view   reads the run's view (blocking; called on a worker thread)
     * @param status the view's status as a word ({@code running}, {@code completed}, ...)
     */
    static <V> Multi<OutboundSseEvent> stream(String id, Sse sse, EvaluationEvents events, Supplier<V> view, Function<V, String> status) {
        V now = view.get();
        boolean running = "running".equals(status.apply(now));
        if (running && !events.knows(id) && events.relayed()) {
            // With replicas, another one executes it: its events come through the broker (and its end, if that came first).
            events.follow(id);
        }
        if (!running || !events.knows(id)) {
            // Finished, or not executing in this process (waiting to be resumed): its stored state, once.
            return Multi.createFrom().item(event(sse, name(status.apply(now)), now));
        }
        // The hub replays the latest progress and, if the run ended since the look above, how it ended.
        Multi<EvaluationEvents.Event> live = Multi.createFrom().emitter(emitter -> events.subscribe(id, emitter), BackPressureStrategy.BUFFER);
        // The final event carries the whole run (metrics included), read on a worker thread, not the runner's.
        return live.onItem().transformToUniAndConcatenate(event -> event.replay() == RunEvent.Replay.TERMINAL
                ? Uni.createFrom().item(() -> {
                    V last = view.get();
                    return event(sse, name(status.apply(last)), last);
                }).runSubscriptionOn(Infrastructure.getDefaultWorkerPool())
                : Uni.createFrom().item(event(sse, event.event(), event.data())));
    }

    private static String name(String status) {
        return "running".equals(status) ? "progress" : status;
    }

    private static OutboundSseEvent event(Sse sse, String name, Object data) {
        return sse.newEventBuilder().name(name).mediaType(MediaType.APPLICATION_JSON_TYPE).data(data).build();
    }
}

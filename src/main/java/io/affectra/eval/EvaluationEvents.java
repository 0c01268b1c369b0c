package io.affectra.eval;

import com.fasterxml.jackson.databind.JsonNode;
import io.affectra.events.RunEvent;
import io.affectra.events.RunEventHub;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Map;

/** The live event streams of this process's evaluations, with replay for late subscribers (the SSE endpoint). */
@ApplicationScoped
public class EvaluationEvents extends RunEventHub<EvaluationEvents.Event> {

    static final int KEPT = 100;

    /** The kinds of event, by their SSE names. */
    public enum Kind {
        PROGRESS("progress"), COMPLETED("completed"), FAILED("failed"), CANCELLED("cancelled");

        private final String event;

        Kind(String event) {
            this.event = event;
        }
    }

    /** @param data a {@link Progress}, or for the terminal kinds the run's id, status and error */
    public record Event(Kind kind, Object data) implements RunEvent {

        static Event progress(Progress progress) {
            return new Event(Kind.PROGRESS, progress);
        }

        static Event completed(String id) {
            return new Event(Kind.COMPLETED, Map.of("id", id, "status", "completed"));
        }

        static Event failed(String id, String error) {
            return new Event(Kind.FAILED, Map.of("id", id, "status", "failed", "error", String.valueOf(error)));
        }

        static Event cancelled(String id) {
            return new Event(Kind.CANCELLED, Map.of("id", id, "status", "cancelled"));
        }

        @Override
        public String event() {
            return kind.event;
        }

        @Override
        public Replay replay() {
            return kind == Kind.PROGRESS ? Replay.LATEST : Replay.TERMINAL;
        }
    }

    public EvaluationEvents() {
        super(KEPT);
    }

    @Override
    public String name() {
        return "evaluations";
    }

    @Override
    protected Object payload(Event event) {
        return event.data();
    }

    @Override
    protected Event decode(String event, JsonNode data) {
        for (Kind kind : Kind.values()) {
            if (kind.event.equals(event)) {
                return new Event(kind, data);
            }
        }
        throw new IllegalArgumentException("no evaluation event '" + event + "'");
    }
}

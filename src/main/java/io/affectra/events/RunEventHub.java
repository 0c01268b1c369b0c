package io.affectra.events;

import com.fasterxml.jackson.databind.JsonNode;
import io.smallrye.mutiny.subscription.MultiEmitter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The live event streams of this process's background runs, one per run id. A subscriber first gets what already
 * happened (the newest of each {@link RunEvent.Replay#LATEST} kind, every {@link RunEvent.Replay#ALL} event, and the
 * terminal event if there is one), then live events, under one lock so nothing is missed or doubled between the two.
 * The logs of the last {@code kept} finished runs are kept, so a client that connects just after the end still hears
 * how it ended. Jobs, evaluations and experiments each have one hub (a subclass that is their bean).
 * <p>
 * With replicas, a {@link Relay} carries every event published here to the other replicas, whose hubs
 * {@link #receive} it, so that a client hears a run from whichever replica it reaches.
 */
public class RunEventHub<E extends RunEvent> {

    /** Carries this replica's events to the others. */
    public interface Relay {
        void forward(String hub, String runId, String event, Object data);
    }

    private final class Log {
        final Map<String, E> latest = new LinkedHashMap<>();
        final List<E> all = new ArrayList<>();
        E terminal;
        final List<MultiEmitter<? super E>> listeners = new ArrayList<>();
    }

    private final Map<String, Log> logs;
    private volatile Relay relay;

    protected RunEventHub(int kept) {
        this.logs = new LinkedHashMap<>(16, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, Log> eldest) {
                return size() > kept && eldest.getValue().terminal != null;
            }
        };
    }

    /** Starts a run's log, so that subscribers who come before its first event wait for it instead of ending at once. */
    public synchronized void open(String runId) {
        Log log = logs.get(runId);
        if (log == null || log.terminal != null) {
            // A run that is started again (an evaluation resumed) gets a fresh log.
            logs.put(runId, new Log());
        }
    }

    /** Whether this process has a log of the run (running here, or finished here recently). */
    public synchronized boolean knows(String runId) {
        return logs.containsKey(runId);
    }

    /** The hub's name on the wire between replicas. */
    public String name() {
        return getClass().getSimpleName();
    }

    /** What an event carries to other replicas (by default the event itself, as JSON). */
    protected Object payload(E event) {
        return event;
    }

    /** Rebuilds an event another replica sent; hubs whose events cross replicas override it. */
    protected E decode(String event, JsonNode data) {
        throw new UnsupportedOperationException(name() + " events do not cross replicas");
    }

    /** From now on, every event published here is also forwarded through {@code relay}. */
    public void relayTo(Relay relay) {
        this.relay = relay;
    }

    /** Records the event, sends it to the run's subscribers here and, with replicas, to the other replicas. */
    public void publish(String runId, E event) {
        publishHere(runId, event);
        Relay r = relay;
        if (r != null) {
            r.forward(name(), runId, event.event(), payload(event));
        }
    }

    /** Whether events cross replicas (then a run executing elsewhere is followed here). */
    public boolean relayed() {
        return relay != null;
    }

    /** An event another replica published. */
    public void receive(String runId, String event, JsonNode data) {
        publishHere(runId, decode(event, data));
    }

    /**
     * Follows a run that another replica executes: subscribers wait for its events, and what this replica already heard
     * of it (its end, perhaps) is kept.
     */
    public synchronized void follow(String runId) {
        logs.computeIfAbsent(runId, k -> new Log());
    }

    /** Runs with a log here that has not ended (followed, or executing here). */
    public synchronized java.util.List<String> unfinished() {
        return logs.entrySet().stream().filter(e -> e.getValue().terminal == null).map(Map.Entry::getKey).toList();
    }

    /**
     * Records the event and sends it to the run's subscribers here only (an end that this replica learnt from the
     * database, having missed its event); events after the terminal one are dropped.
     */
    public synchronized void publishHere(String runId, E event) {
        Log log = logs.computeIfAbsent(runId, k -> new Log());
        if (log.terminal != null) {
            return;
        }
        switch (event.replay()) {
            case LATEST -> {
                log.latest.remove(event.event());
                log.latest.put(event.event(), event);
            }
            case ALL -> log.all.add(event);
            case TERMINAL -> log.terminal = event;
        }
        boolean end = event.replay() == RunEvent.Replay.TERMINAL;
        for (MultiEmitter<? super E> listener : List.copyOf(log.listeners)) {
            listener.emit(event);
            if (end) {
                listener.complete();
            }
        }
        if (end) {
            log.listeners.clear();
        }
    }

    /**
     * Replays the run's events so far to {@code emitter}, then keeps it posted until the run ends. A run this process
     * has no log of completes at once; callers that can say more (a stored status) check {@link #knows} first.
     */
    public synchronized void subscribe(String runId, MultiEmitter<? super E> emitter) {
        Log log = logs.get(runId);
        if (log == null) {
            emitter.complete();
            return;
        }
        log.latest.values().forEach(emitter::emit);
        log.all.forEach(emitter::emit);
        if (log.terminal != null) {
            emitter.emit(log.terminal);
            emitter.complete();
            return;
        }
        log.listeners.add(emitter);
        emitter.onTermination(() -> unsubscribe(runId, emitter));
    }

    private synchronized void unsubscribe(String runId, MultiEmitter<? super E> emitter) {
        Log log = logs.get(runId);
        if (log != null) {
            log.listeners.remove(emitter);
        }
    }
}

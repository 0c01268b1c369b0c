package io.affectra.events;

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
 */
public class RunEventHub<E extends RunEvent> {

    private final class Log {
        final Map<String, E> latest = new LinkedHashMap<>();
        final List<E> all = new ArrayList<>();
        E terminal;
        final List<MultiEmitter<? super E>> listeners = new ArrayList<>();
    }

    private final Map<String, Log> logs;

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

    /** Records the event and sends it to the run's subscribers; events after the terminal one are dropped. */
    public synchronized void publish(String runId, E event) {
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

package io.affectra.events;

/** One event of a background run (a job, an evaluation, an experiment), as its server-sent event stream carries it. */
public interface RunEvent {

    /** How an event of this kind is kept for subscribers who arrive later. */
    enum Replay {
        /** Only the newest is kept (progress: a late subscriber needs where the run is, not how it got there). */
        LATEST,
        /** Every one is kept, in order (a job's window answers). */
        ALL,
        /** It ends the run: kept, sent, and the stream completes. */
        TERMINAL
    }

    /** The SSE event name. */
    String event();

    Replay replay();
}

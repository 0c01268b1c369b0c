package io.affectra.work;

/** Runs work items taken from the broker. Called on a worker thread; it may block. */
public interface WorkHandler {

    /** What to tell the broker about an item once {@link #handle} returns. */
    enum Outcome {
        /** Its result is committed (or it is no longer wanted): acknowledge it. */
        DONE,
        /** It could not be finished here: give it back, so that it is delivered again (up to the delivery limit). */
        REQUEUE
    }

    /**
     * @param redelivered whether the broker delivered it before (a replica died holding it, or it was requeued)
     */
    Outcome handle(WorkItem item, boolean redelivered);

    /**
     * An item the broker dead-lettered after its delivery limit: record it as failed so that its run can end. Returns
     * whether that is done (else the dead letter is kept and offered again).
     */
    boolean deadLettered(WorkItem item, String reason);
}

package io.affectra.work;

/**
 * One trial of a run as a message: the run, the arm, the case and the repeat. Everything else a worker needs it
 * rebuilds from the run's stored record, so a message stays small and any replica can run it.
 */
public record WorkItem(String runId, String arm, String caseKey, int repeat) {
}

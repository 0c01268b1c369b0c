package io.affectra.eval;

import io.affectra.encoder.EncoderException;
import io.affectra.eval.metrics.CaseResult;
import io.affectra.llm.BackendException;
import io.affectra.llm.BackendLimiter;
import io.affectra.media.MediaException;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.function.BooleanSupplier;
import org.jboss.logging.Logger;

/**
 * Answers one trial the way every run does, on this process's executors or taken from the work queue: a backend that
 * is unavailable or times out is tried again with a doubling wait, then the trial is recorded as failed; bad media and
 * other errors are recorded as failed at once, so that a trial never vanishes.
 */
@ApplicationScoped
public class TrialExecutor {

    private static final Logger LOG = Logger.getLogger(TrialExecutor.class);

    private final CaseRunner cases;
    private final EvalConfig config;

    public TrialExecutor(CaseRunner cases, EvalConfig config) {
        this.cases = cases;
        this.config = config;
    }

    /**
     * @param stopped whether the run was stopped meanwhile (then nothing is to be recorded)
     * @return the trial's result, or null when the run was stopped before it had one
     */
    public CaseResult run(String runId, EvalCase c, Arm arm, int repeat, CaseRunner.RunContext context, BooleanSupplier stopped) {
        long start = System.nanoTime();
        int retries = Math.max(0, config.caseRetries());
        for (int attempt = 0;; attempt++) {
            try {
                return cases.run(c, arm, repeat, context);
            } catch (BackendLimiter.CallInterruptedException e) {
                return null;
            } catch (BackendException e) {
                if (stopped.getAsBoolean()) {
                    return null;
                }
                boolean transientFailure = e.reason() == BackendException.Reason.UNAVAILABLE || e.reason() == BackendException.Reason.TIMEOUT;
                if (transientFailure && attempt < retries) {
                    if (!backoff(attempt, stopped)) {
                        return null;
                    }
                    continue;
                }
                return CaseRunner.failed(c, arm, repeat, e.getMessage(), start);
            } catch (InvalidDatasetException | MediaException | EncoderException e) {
                return stopped.getAsBoolean() ? null : CaseRunner.failed(c, arm, repeat, e.getMessage(), start);
            } catch (RuntimeException | LinkageError e) {
                if (stopped.getAsBoolean()) {
                    return null;
                }
                LOG.errorf(e, "run %s case %s (%s) failed", runId, c.key(), arm.id());
                return CaseRunner.failed(c, arm, repeat, "internal error: " + e, start);
            }
        }
    }

    /** Sleeps before a retry; false when the run was stopped meanwhile. */
    private boolean backoff(int attempt, BooleanSupplier stopped) {
        long millis = config.retryBackoff().toMillis() << Math.min(attempt, 10);
        try {
            Thread.sleep(millis);
            return !stopped.getAsBoolean();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}

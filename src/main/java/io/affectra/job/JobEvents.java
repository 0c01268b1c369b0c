package io.affectra.job;

import io.affectra.events.RunEventHub;
import jakarta.enterprise.context.ApplicationScoped;

/** The live event streams of this process's jobs, with replay for late subscribers; finished jobs' logs kept for the last {@link #KEPT}. */
@ApplicationScoped
public class JobEvents extends RunEventHub<JobEvent> {

    static final int KEPT = 100;

    public JobEvents() {
        super(KEPT);
    }
}

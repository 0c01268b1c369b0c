package io.affectra.job;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.affectra.events.RunEventHub;
import jakarta.enterprise.context.ApplicationScoped;

/** The live event streams of this process's jobs, with replay for late subscribers; finished jobs' logs kept for the last {@link #KEPT}. */
@ApplicationScoped
public class JobEvents extends RunEventHub<JobEvent> {

    static final int KEPT = 100;

    private static final ObjectMapper JSON = new ObjectMapper();

    public JobEvents() {
        super(KEPT);
    }

    @Override
    public String name() {
        return "jobs";
    }

    @Override
    protected JobEvent decode(String event, JsonNode data) {
        try {
            return JSON.treeToValue(data, JobEvent.class);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("unreadable job event: " + e.getOriginalMessage(), e);
        }
    }
}

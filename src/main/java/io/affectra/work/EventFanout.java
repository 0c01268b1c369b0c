package io.affectra.work;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.affectra.events.RunEventHub;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Instance;
import java.io.IOException;
import java.util.HashMap;
import java.util.Map;
import org.jboss.logging.Logger;

/**
 * In {@code rabbitmq} mode, every run event hub's events go to the other replicas through the broker's fanout exchange,
 * and theirs come into ours: an SSE stream follows a run from whichever replica the client reaches. Events are a live
 * view only; the state they describe is in the database.
 */
@ApplicationScoped
public class EventFanout {

    private static final Logger LOG = Logger.getLogger(EventFanout.class);
    private static final ObjectMapper JSON = new ObjectMapper().findAndRegisterModules();

    private final Broker broker;
    private final Instance<RunEventHub<?>> hubs;
    private final Map<String, RunEventHub<?>> byName = new HashMap<>();

    public EventFanout(Broker broker, @Any Instance<RunEventHub<?>> hubs) {
        this.broker = broker;
        this.hubs = hubs;
    }

    void start(@Observes StartupEvent event) {
        if (!broker.enabled()) {
            return;
        }
        for (RunEventHub<?> hub : hubs) {
            byName.put(hub.name(), hub);
            hub.relayTo(this::forward);
        }
        broker.onEvent(this::receive);
    }

    private void forward(String hub, String runId, String event, Object data) {
        ObjectNode message = JSON.createObjectNode().put("hub", hub).put("runId", runId).put("event", event);
        message.putPOJO("data", data); // written once, with the message, not first turned into a tree
        try {
            broker.broadcast(JSON.writeValueAsBytes(message));
        } catch (JsonProcessingException e) {
            LOG.warnf(e, "an event of %s could not be written", hub);
        }
    }

    private void receive(byte[] body) {
        try {
            JsonNode message = JSON.readTree(body);
            RunEventHub<?> hub = byName.get(message.path("hub").asText());
            if (hub != null) {
                hub.receive(message.path("runId").asText(), message.path("event").asText(), message.get("data"));
            }
        } catch (IOException | RuntimeException e) {
            LOG.debugf(e, "an event from another replica was not readable");
        }
    }
}

package io.affectra.gateway;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * Responses API results, one row each, written once when a response is complete. A response belongs to the API key
 * that made it: looked up with another key (or, with auth off, with any key) it does not exist. Blocking: call it on a
 * worker thread.
 */
@ApplicationScoped
public class ResponseStore {

    /**
     * One stored response.
     *
     * @param keyName          the API key's name, null with auth off
     * @param conversationJson the input items up to this response (a JSON array), media replaced by placeholders
     * @param responseJson     the response object as it was returned
     */
    public record Stored(String id, Instant createdAt, String keyName, String model, String previousResponseId, String status,
            String conversationJson, String responseJson) {
    }

    @Transactional
    public void save(Stored stored) {
        ResponseRecord r = new ResponseRecord();
        r.id = stored.id();
        r.createdAt = stored.createdAt();
        r.keyName = stored.keyName();
        r.model = stored.model();
        r.previousResponseId = stored.previousResponseId();
        r.status = stored.status();
        r.conversationJson = stored.conversationJson();
        r.responseJson = stored.responseJson();
        r.persist();
    }

    /** In a transaction of its own: the callers run on worker threads without a request context. */
    @Transactional
    public Optional<Stored> find(String id, String keyName) {
        return ResponseRecord.<ResponseRecord>findByIdOptional(id)
                .filter(r -> Objects.equals(r.keyName, keyName))
                .map(r -> new Stored(r.id, r.createdAt, r.keyName, r.model, r.previousResponseId, r.status, r.conversationJson,
                        r.responseJson));
    }

    /** @return whether there was such a response for this key */
    @Transactional
    public boolean delete(String id, String keyName) {
        ResponseRecord r = ResponseRecord.findById(id);
        if (r == null || !Objects.equals(r.keyName, keyName)) {
            return false;
        }
        r.delete();
        return true;
    }
}

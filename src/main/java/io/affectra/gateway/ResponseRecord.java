package io.affectra.gateway;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** A stored Responses API result: the conversation that led to it and the response as it was returned, no media. */
@Entity
@Table(name = "stored_response")
public class ResponseRecord extends PanacheEntityBase {

    @Id
    public String id;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    /** The API key's name that made it; null with auth off. */
    @Column(name = "key_name")
    public String keyName;

    @Column(nullable = false)
    public String model;

    @Column(name = "previous_response_id")
    public String previousResponseId;

    @Column(nullable = false)
    public String status;

    /** The input items up to this response (earlier turns included), media replaced by placeholders. */
    @Column(name = "conversation_json", nullable = false, columnDefinition = "text")
    public String conversationJson;

    @Column(name = "response_json", nullable = false, columnDefinition = "text")
    public String responseJson;
}

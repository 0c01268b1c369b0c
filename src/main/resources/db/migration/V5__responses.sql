-- Responses API results, kept for previous_response_id and GET /v1/responses/{id}: the conversation as text and tool
-- items, never media (each media part was replaced by a placeholder before it got here). key_name is the API key that
-- made it (null with auth off): only that key finds it again. Plain SQL for H2 and PostgreSQL.
CREATE TABLE stored_response (
    id                   VARCHAR(64)              NOT NULL PRIMARY KEY,
    created_at           TIMESTAMP WITH TIME ZONE NOT NULL,
    key_name             VARCHAR(128),
    model                VARCHAR(256)             NOT NULL,
    previous_response_id VARCHAR(64),
    status               VARCHAR(16)              NOT NULL,
    conversation_json    TEXT                     NOT NULL,
    response_json        TEXT                     NOT NULL
);

CREATE INDEX stored_response_created_at ON stored_response (created_at);

package io.affectra.api.openai;

import io.affectra.api.Caller;
import io.affectra.gateway.ResponseStore;
import io.vertx.ext.web.RoutingContext;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.LinkedHashMap;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.Operation;

/**
 * {@code GET} and {@code DELETE /v1/responses/{id}}: a stored response as it was returned, for the API key that made
 * it (any other key gets the 404 an unknown id gets).
 */
@Path(OpenAiPaths.RESPONSES)
@Produces(MediaType.APPLICATION_JSON)
public class ResponsesResource {

    private final ResponseStore store;

    public ResponsesResource(ResponseStore store) {
        this.store = store;
    }

    @GET
    @Path("{id}")
    @Operation(summary = "A stored response (404 in OpenAI's error shape when unknown)")
    public Response get(@PathParam("id") String id, @Context RoutingContext rc) {
        return store.find(id, Caller.of(rc))
                .map(stored -> Response.ok(stored.responseJson()).build())
                .orElseGet(() -> notFound(id));
    }

    @DELETE
    @Path("{id}")
    @Operation(summary = "Deletes a stored response")
    public Response delete(@PathParam("id") String id, @Context RoutingContext rc) {
        if (!store.delete(id, Caller.of(rc))) {
            return notFound(id);
        }
        Map<String, Object> deleted = new LinkedHashMap<>();
        deleted.put("id", id);
        deleted.put("object", "response");
        deleted.put("deleted", true);
        return Response.ok(deleted).build();
    }

    private static Response notFound(String id) {
        return Response.status(404).type(MediaType.APPLICATION_JSON).entity(ResponseTurn.notFound(id, null).json().encode()).build();
    }
}

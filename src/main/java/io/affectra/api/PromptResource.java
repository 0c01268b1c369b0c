package io.affectra.api;

import com.fasterxml.jackson.annotation.JsonUnwrapped;
import io.affectra.analysis.InvalidRequestException;
import io.affectra.prompt.PromptCatalog;
import io.affectra.prompt.PromptTemplate;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;

/** {@code /v1/prompts}: the shipped prompt templates, to browse and compare. */
@Path("/v1/prompts")
@Produces(MediaType.APPLICATION_JSON)
public class PromptResource {

    /** A template as answers record it ({@code sha256} is their {@code prompt.hash}) and what it is for. */
    public record PromptInfo(String id, int version, String sha256, String description, List<String> variables, String output,
            String task, List<String> labels) {

        static PromptInfo of(PromptTemplate t) {
            return new PromptInfo(t.id(), t.version(), t.hash(), t.description(), t.variables(), t.output(), t.task(), t.labels());
        }
    }

    /** A template with its sections and the whole file ({@code text}, what {@code sha256} digests). */
    public record PromptSource(@JsonUnwrapped PromptInfo info, String system, String user, String text) {
    }

    public record Side(String id, int version, String sha256) {

        static Side of(PromptTemplate t) {
            return new Side(t.id(), t.version(), t.hash());
        }
    }

    public record PromptDiff(Side a, Side b, boolean identical, String diff) {
    }

    private final PromptCatalog catalog;

    public PromptResource(PromptCatalog catalog) {
        this.catalog = catalog;
    }

    @GET
    @Operation(summary = "Every prompt template, sorted by id; those of one task with ?task=")
    public List<PromptInfo> list(@QueryParam("task") String task) {
        return catalog.list(task).stream().map(PromptInfo::of).toList();
    }

    @GET
    @Path("/{task}/{variant}")
    @Operation(summary = "One template with its [system] and [user] sections and its file; ?version= must match the shipped one")
    public PromptSource get(@PathParam("task") String task, @PathParam("variant") String variant, @QueryParam("version") Integer version) {
        PromptTemplate t = catalog.get(task + "/" + variant, version);
        return new PromptSource(PromptInfo.of(t), t.system(), t.user(), t.text());
    }

    @GET
    @Path("/diff")
    @Operation(summary = "A unified diff (diff -u, 3 lines of context) of two templates' files, from a to b")
    public PromptDiff diff(@QueryParam("a") String a, @QueryParam("b") String b) {
        if (a == null || a.isBlank() || b == null || b.isBlank()) {
            throw new InvalidRequestException("invalid-query", "Name both templates: ?a=emotion/direct&b=emotion/emo-llama.");
        }
        PromptCatalog.Comparison c = catalog.compare(a, b);
        return new PromptDiff(Side.of(c.a()), Side.of(c.b()), c.identical(), c.diff());
    }
}

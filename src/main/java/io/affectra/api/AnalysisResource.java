package io.affectra.api;

import io.affectra.analysis.AnalysisStore;
import io.affectra.analysis.AnalysisSummary;
import io.affectra.analysis.NotFoundProblem;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.List;

/** {@code GET /v1/analyses}: the stored analyses, newest first; {@code GET /v1/analyses/{id}}: one, exactly as it was answered. */
@Path("/v1/analyses")
public class AnalysisResource {

    private final AnalysisStore store;

    public AnalysisResource(AnalysisStore store) {
        this.store = store;
    }

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    public List<AnalysisSummary> list(@QueryParam("limit") @DefaultValue("50") int limit) {
        return store.list(limit);
    }

    @GET
    @Path("/{id}")
    @Produces(MediaType.APPLICATION_JSON)
    public String get(@PathParam("id") String id) {
        return store.findJson(id).orElseThrow(() -> new NotFoundProblem("analysis-not-found", "No analysis with id " + id + "."));
    }
}

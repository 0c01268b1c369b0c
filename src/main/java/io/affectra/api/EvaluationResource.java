package io.affectra.api;

import io.affectra.eval.BuiltinDatasets;
import io.affectra.eval.EvaluationEvents;
import io.affectra.eval.EvaluationService;
import io.affectra.eval.EvaluationView;
import io.affectra.eval.metrics.CaseResult;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.sse.OutboundSseEvent;
import jakarta.ws.rs.sse.Sse;
import io.affectra.eval.EvaluationRunner;
import io.smallrye.common.annotation.Blocking;
import io.smallrye.mutiny.Multi;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.multipart.FileUpload;

/** {@code /v1/evaluations}: benchmark runs over a dataset, persisted case by case, with progress and metrics. */
@Path("/v1/evaluations")
public class EvaluationResource {

    private final EvaluationService evaluations;
    private final EvaluationEvents events;
    private final BuiltinDatasets builtins;
    private final EvaluationRunner runner;

    public EvaluationResource(EvaluationService evaluations, EvaluationEvents events, BuiltinDatasets builtins, EvaluationRunner runner) {
        this.evaluations = evaluations;
        this.events = events;
        this.builtins = builtins;
        this.runner = runner;
    }

    @POST
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Start a benchmark run", description = "Multipart: part 'dataset' (the JSONL file; omit it for a built-in set) and "
            + "part 'options' (JSON: format, dataset, backend, strategy or strategies, concurrency, labels, judgeBackend, mediaDir, limit, "
            + "explain, name). Answers 202 with {id, status} at once; the run goes on in the background.")
    public Response start(@RestForm("dataset") FileUpload dataset, @RestForm("options") String options) {
        EvaluationService.Submitted submitted = evaluations.submit(dataset == null ? null : bytes(dataset), dataset == null ? null : dataset.fileName(),
                options);
        return Response.accepted(submitted).location(URI.create("/v1/evaluations/" + submitted.id())).build();
    }

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    public List<Map<String, Object>> list(@QueryParam("limit") @DefaultValue("50") int limit) {
        return evaluations.list(Math.max(1, Math.min(limit, 500)));
    }

    @GET
    @Path("/datasets")
    @Produces(MediaType.APPLICATION_JSON)
    public List<BuiltinDatasets.Builtin> datasets() {
        return builtins.list();
    }

    @GET
    @Path("/{id}")
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "A run: status (running, completed, failed), progress with ETA, and metrics")
    public EvaluationView get(@PathParam("id") String id) {
        return evaluations.view(id);
    }

    @GET
    @Path("/{id}/cases")
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "A run's finished cases: expected, answer, raw reply, error, and the detail (reasoning, knowledge, verification, steps)")
    public List<CaseResult> cases(@PathParam("id") String id, @QueryParam("strategy") String strategy,
            @QueryParam("offset") @DefaultValue("0") int offset, @QueryParam("limit") @DefaultValue("100") int limit) {
        return evaluations.cases(id, strategy, offset, limit);
    }

    @POST
    @Path("/{id}/resume")
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Resume a failed (or stalled) run: finished cases are kept, failed ones tried again")
    public Response resume(@PathParam("id") String id) {
        return Response.accepted(evaluations.resume(id)).build();
    }

    @GET
    @Path("/{id}/events")
    @Produces(MediaType.SERVER_SENT_EVENTS)
    @Blocking
    @Operation(summary = "Progress events (SSE): 'progress' after each case, then 'completed' or 'failed' with the run; then the stream ends")
    public Multi<OutboundSseEvent> events(@PathParam("id") String id, @Context Sse sse) {
        return RunEventStreams.stream(id, sse, events, () -> evaluations.view(id), v -> v.status().id());
    }

    private static byte[] bytes(FileUpload upload) {
        try {
            return Files.readAllBytes(upload.uploadedFile());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

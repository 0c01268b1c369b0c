package io.affectra.api;

import io.affectra.eval.EvaluationEvents;
import io.affectra.experiment.CellDiff;
import io.affectra.experiment.ExperimentCases;
import io.affectra.experiment.ExperimentExport;
import io.affectra.experiment.ExperimentService;
import io.affectra.experiment.ExperimentSpec;
import io.affectra.experiment.ExperimentView;
import io.affectra.experiment.ExportFormat;
import io.affectra.experiment.PromptfooImport;
import io.affectra.experiment.SpecReader;
import io.smallrye.common.annotation.Blocking;
import io.smallrye.mutiny.Multi;
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
import jakarta.ws.rs.core.StreamingOutput;
import jakarta.ws.rs.sse.OutboundSseEvent;
import jakarta.ws.rs.sse.Sse;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.multipart.FileUpload;

/** {@code /v1/experiments}: prompt variants x backends x strategies x parameters x ablations over one dataset's evidence. */
@Path("/v1/experiments")
public class ExperimentResource {

    private static final String SUBMIT = "The spec (JSON or YAML): dataset (a built-in set) or an uploaded one, format, variants, backends, "
            + "strategies, params, ablations, repeats, baseline, concurrency, gates, dryRun. Answers 202 with {id, status, cells, trials}; a dry "
            + "run answers 200 with the cells, counts, estimates and the first cases' prompts.";

    private final ExperimentService experiments;
    private final ExperimentCases cases;
    private final EvaluationEvents events;
    private final ExperimentExport exports;
    private final PromptfooImport promptfoo;
    private final CellDiff diffs;

    public ExperimentResource(ExperimentService experiments, ExperimentCases cases, EvaluationEvents events, ExperimentExport exports,
            PromptfooImport promptfoo, CellDiff diffs) {
        this.diffs = diffs;
        this.experiments = experiments;
        this.cases = cases;
        this.events = events;
        this.exports = exports;
        this.promptfoo = promptfoo;
    }

    @POST
    @Consumes({MediaType.APPLICATION_JSON, "application/yaml", "application/x-yaml", "text/yaml"})
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Start (or dry-run) an experiment", description = SUBMIT)
    public Response submit(String spec, @QueryParam("dryRun") boolean dryRun) {
        return answer(experiments.submit(dry(SpecReader.read(spec), dryRun), null, null));
    }

    @POST
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Start (or dry-run) an experiment over an uploaded dataset", description = "Parts: 'spec' (JSON or YAML) and 'dataset' "
            + "(JSONL in any evaluation format). " + SUBMIT)
    public Response submitWithDataset(@RestForm("spec") String spec, @RestForm("dataset") FileUpload dataset, @QueryParam("dryRun") boolean dryRun) {
        ExperimentSpec parsed = dry(SpecReader.read(spec), dryRun);
        return answer(experiments.submit(parsed, dataset == null ? null : bytes(dataset), dataset == null ? null : dataset.fileName()));
    }

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    public List<Map<String, Object>> list(@QueryParam("limit") @DefaultValue("50") int limit) {
        return experiments.list(Math.max(1, Math.min(limit, 500)));
    }

    @GET
    @Path("/{id}")
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "An experiment: status, progress, cells with metrics, comparisons with the baseline, gates")
    public ExperimentView get(@PathParam("id") String id) {
        return experiments.view(id);
    }

    @GET
    @Path("/{id}/matrix")
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Cases x cells, paged; only=differing|flips, label, category filter")
    public ExperimentCases.Matrix matrix(@PathParam("id") String id, @QueryParam("offset") @DefaultValue("0") int offset,
            @QueryParam("limit") @DefaultValue("100") int limit, @QueryParam("only") String only, @QueryParam("label") String label,
            @QueryParam("category") String category) {
        return cases.matrix(id, offset, limit, only, label, category);
    }

    @GET
    @Path("/{id}/ablations")
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Each ablated cell against the un-ablated cell with the same variant, backend, strategy and parameters",
            description = "Like comparisons, with that cell as the baseline: per metric the paired difference (ablated minus full) with its "
                    + "bootstrap interval, McNemar p Holm-corrected across the ablated cells, and the flipped cases.")
    public List<ExperimentView.ComparisonView> ablations(@PathParam("id") String id) {
        return experiments.ablations(id);
    }

    @GET
    @Path("/{id}/diff")
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Two cells side by side: the templates each sends, their line diff, and the cases judged differently",
            description = "?a= (default the baseline) and ?b= name cells. Per cell every step its strategy renders with the template sent "
                    + "there (an inline variant's text too); per step a unified diff and the whole line edit script of the [system] and "
                    + "[user] sections (steps pair by position); the cases whose first-repeat verdict differs, with both answers; and b "
                    + "against a as the comparisons have it (difference, interval, McNemar p, flipped cases per metric).")
    public CellDiff.Diff diff(@PathParam("id") String id, @QueryParam("a") String a, @QueryParam("b") String b) {
        return diffs.of(id, a, b);
    }

    @GET
    @Path("/{id}/cases/{caseKey}")
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "One case: its evidence with encoder versions, and per cell every trial's prompts, reply, answer and score")
    public ExperimentCases.CaseDetail caseDetail(@PathParam("id") String id, @PathParam("caseKey") String caseKey) {
        return cases.detail(id, caseKey);
    }

    @GET
    @Path("/{id}/export")
    @Produces({"text/csv", "application/x-ndjson", MediaType.APPLICATION_JSON})
    @Operation(summary = "Every stored trial (finished or partial experiment) as CSV, JSONL or promptfoo's eval results file",
            description = "format=csv (one row per trial), jsonl (the same fields plus the raw reply and the detail) or promptfoo (what "
                    + "'promptfoo import' reads: cells as prompts x providers, cases as tests). Streamed; the file is named "
                    + "experiment-<id>.csv, .jsonl or .promptfoo.json.")
    public Response export(@PathParam("id") String id, @QueryParam("format") @DefaultValue("csv") String format) {
        ExperimentExport.Download download = exports.download(id, ExportFormat.of(format));
        StreamingOutput body = out -> download.body().writeTo(out);
        return Response.ok(body, download.mediaType()).header("Content-Disposition", "attachment; filename=\"" + download.fileName() + "\"").build();
    }

    @POST
    @Path("/import/promptfoo")
    @Consumes({MediaType.APPLICATION_JSON, "application/yaml", "application/x-yaml", "text/yaml", MediaType.TEXT_PLAIN})
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "A promptfoo config (YAML or JSON) as an experiment spec and dataset, not run",
            description = "Answers {spec, dataset (JSONL), unsupported: [{path, reason, settings}]}: prompts as inline variants of "
                    + "emotion/direct, tests as label items, openai:chat providers as the configured backends with the same base URL and "
                    + "model. POST the spec and the dataset to /v1/experiments to run it. mediaDir sets the spec's mediaDir.")
    public PromptfooImport.Imported importPromptfoo(String config, @QueryParam("mediaDir") String mediaDir) {
        return promptfoo.read(config, mediaDir);
    }

    @POST
    @Path("/{id}/resume")
    @Produces(MediaType.APPLICATION_JSON)
    public Response resume(@PathParam("id") String id) {
        return Response.accepted(experiments.resume(id)).build();
    }

    @POST
    @Path("/{id}/cancel")
    @Produces(MediaType.APPLICATION_JSON)
    public ExperimentService.Submitted cancel(@PathParam("id") String id) {
        return experiments.cancel(id);
    }

    @GET
    @Path("/{id}/events")
    @Produces(MediaType.SERVER_SENT_EVENTS)
    @Blocking
    @Operation(summary = "Progress events (SSE): 'progress' after each trial, then 'completed', 'failed' or 'cancelled' with the experiment")
    public Multi<OutboundSseEvent> events(@PathParam("id") String id, @Context Sse sse) {
        return RunEventStreams.stream(id, sse, events, () -> experiments.view(id), ExperimentView::status);
    }

    /** {@code ?dryRun=true} makes any spec a dry run without editing it. */
    private static ExperimentSpec dry(ExperimentSpec spec, boolean dryRun) {
        return dryRun ? spec.asDryRun() : spec;
    }

    private static Response answer(Object submitted) {
        if (submitted instanceof ExperimentService.Submitted s) {
            return Response.accepted(s).location(URI.create("/v1/experiments/" + s.id())).build();
        }
        return Response.ok(submitted).build();
    }

    private static byte[] bytes(FileUpload upload) {
        try {
            return Files.readAllBytes(upload.uploadedFile());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

package io.affectra.api;

import io.affectra.analysis.AnalyzeOptions;
import io.affectra.analysis.InvalidRequestException;
import io.affectra.job.JobEvent;
import io.affectra.job.JobEvents;
import io.affectra.job.JobService;
import io.affectra.job.JobView;
import io.affectra.media.LimitsConfig;
import io.smallrye.common.annotation.Blocking;
import io.smallrye.mutiny.Multi;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.RestStreamElementType;
import org.jboss.resteasy.reactive.multipart.FileUpload;

/** Asynchronous analyses for long media: submit, poll, or follow the events. */
@Path("/v1/emotion/jobs")
public class JobResource {

    private final JobService jobs;
    private final JobEvents events;
    private final LimitsConfig limits;

    public JobResource(JobService jobs, JobEvents events, LimitsConfig limits) {
        this.jobs = jobs;
        this.events = events;
        this.limits = limits;
    }

    @POST
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    @Produces(MediaType.APPLICATION_JSON)
    public Response submit(@RestForm("media") FileUpload media, @RestForm("transcript") String transcriptField,
            @RestForm("transcript") FileUpload transcriptFile, @RestForm("options") String options) {
        if (media == null) {
            throw new InvalidRequestException("missing-media",
                    "Send the video or audio (or an image) for the job as a multipart file part named 'media'.");
        }
        String transcript = TranscriptPart.read(transcriptField, transcriptFile, limits.maxTranscriptChars());
        AnalyzeOptions parsed = AnalyzeResource.parse(options);
        JobView job = jobs.submit(media.uploadedFile(), media.size(), media.contentType(), transcript, parsed);
        return Response.accepted(job).location(URI.create("/v1/emotion/jobs/" + job.id())).build();
    }

    @GET
    @Path("/{id}")
    @Produces(MediaType.APPLICATION_JSON)
    public JobView get(@PathParam("id") String id) {
        return jobs.view(id);
    }

    @GET
    @Path("/{id}/events")
    @Produces(MediaType.SERVER_SENT_EVENTS)
    @RestStreamElementType(MediaType.APPLICATION_JSON)
    @Blocking
    public Multi<JobEvent> events(@PathParam("id") String id) {
        if (!jobs.followed(id)) {
            return Multi.createFrom().item(jobs.finalEvent(id));
        }
        return Multi.createFrom().emitter(emitter -> events.subscribe(id, emitter));
    }
}

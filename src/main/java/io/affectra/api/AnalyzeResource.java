package io.affectra.api;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.affectra.analysis.AnalysisResult;
import io.affectra.analysis.AnalysisService;
import io.affectra.analysis.AnalyzeOptions;
import io.affectra.analysis.InvalidRequestException;
import io.affectra.evidence.AvMediaGate;
import io.affectra.analysis.ProgressListener;
import io.affectra.analysis.TemporalAnalysisService;
import io.affectra.media.AvProbe;
import io.affectra.media.ImageDecoder;
import io.affectra.media.LimitsConfig;
import io.affectra.media.MediaException;
import io.affectra.media.MediaKind;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.multipart.FileUpload;

/** {@code POST /v1/emotion/analyze}: an image (and optional transcript) in, a grounded emotion answer out. */
@Path("/v1/emotion/analyze")
public class AnalyzeResource {

    private static final ObjectMapper OPTIONS = new ObjectMapper()
            .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, true);

    private final AnalysisService analyses;
    private final TemporalAnalysisService temporal;
    private final ImageDecoder images;
    private final AvMediaGate avMedia;
    private final LimitsConfig limits;

    public AnalyzeResource(AnalysisService analyses, TemporalAnalysisService temporal, ImageDecoder images, AvMediaGate avMedia,
            LimitsConfig limits) {
        this.analyses = analyses;
        this.temporal = temporal;
        this.images = images;
        this.avMedia = avMedia;
        this.limits = limits;
    }

    @POST
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Analyse an image, a video or audio", description = "Multipart: part 'media' (the file), optional "
            + "'transcript' (plain text, SRT or WebVTT) and 'options' (JSON: backend, strategy (direct, emo-llama, deemo, pep, "
            + "pep-mek), facialPriors, labels, deidentify, explain, fps, windowSeconds, transcribe (auto, never or a "
            + "transcription backend: who hears a clip's speech when no transcript is sent)). Video and audio longer than "
            + "affectra.video.sync-max-duration go through /v1/emotion/jobs.")
    public AnalysisResult analyze(@RestForm("media") FileUpload media, @RestForm("transcript") String transcriptField,
            @RestForm("transcript") FileUpload transcriptFile, @RestForm("options") String options) {
        if (media == null) {
            throw new InvalidRequestException("missing-media",
                    "Send the image, video or audio to analyse as a multipart file part named 'media'.");
        }
        if (media.size() == 0) {
            throw MediaException.empty();
        }
        String transcript = TranscriptPart.read(transcriptField, transcriptFile, limits.maxTranscriptChars());
        AnalyzeOptions parsed = parse(options);
        MediaKind kind = images.sniff(media.uploadedFile());
        if (kind.isImage() || kind == MediaKind.UNKNOWN) {
            return analyses.analyze(media.uploadedFile(), transcript, parsed);
        }
        AvProbe probe = avMedia.check(media.uploadedFile(), media.size(), media.contentType());
        avMedia.requireSync(probe);
        return temporal.analyze(media.uploadedFile(), probe, avMedia.syncLimit(), transcript, parsed, ProgressListener.NONE);
    }

    static AnalyzeOptions parse(String options) {
        if (options == null || options.isBlank()) {
            return AnalyzeOptions.DEFAULTS;
        }
        try {
            return OPTIONS.readValue(options, AnalyzeOptions.class);
        } catch (JsonProcessingException e) {
            throw new InvalidRequestException("invalid-options", "The 'options' part is not valid: " + e.getOriginalMessage());
        }
    }
}

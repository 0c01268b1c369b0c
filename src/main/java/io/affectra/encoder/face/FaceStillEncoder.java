package io.affectra.encoder.face;

import io.affectra.cue.TimeSpan;
import io.affectra.encoder.StillCueEncoder;
import io.affectra.encoder.StillCues;
import io.affectra.encoder.StillOptions;
import io.affectra.media.DecodedImage;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;

/** Faces on a still: expression, action-unit proxies and, when asked for and enabled, facial priors. */
@ApplicationScoped
@Priority(300)
public class FaceStillEncoder implements StillCueEncoder {

    /** What faces yield: on stills here, and on video by the face track session. */
    public static final String MEASURES = "expression, action units and facial priors";

    private final FaceAnalyzer faces;

    public FaceStillEncoder(FaceAnalyzer faces) {
        this.faces = faces;
    }

    @Override
    public String id() {
        return "face";
    }

    @Override
    public String version() {
        return faces.version();
    }

    @Override
    public boolean faceDerived() {
        return true;
    }

    @Override
    public String measures() {
        return MEASURES;
    }

    @Override
    public StillCues encode(DecodedImage image, StillOptions options) {
        FaceAnalysis analysis = faces.analyze(image, new FaceOptions(options.facialPriors()));
        List<String> warnings = options.facialPriors() && !faces.priorsAvailable()
                ? List.of("facial priors were requested but no prior model is enabled on this server")
                : List.of();
        return new StillCues(FaceCues.of(analysis.faces(), TimeSpan.STILL), analysis.faces(), List.of(), warnings, analysis.timings());
    }
}

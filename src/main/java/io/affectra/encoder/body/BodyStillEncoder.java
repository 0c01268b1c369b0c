package io.affectra.encoder.body;

import io.affectra.encoder.StillCueEncoder;
import io.affectra.encoder.StillCues;
import io.affectra.encoder.StillOptions;
import io.affectra.media.DecodedImage;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Body language on a still: who is there and what they hold in one frame (touching the face, folded arms), not
 * movements. Not face-derived: it is what de-identified strategies such as DEEMO read.
 */
@ApplicationScoped
@Priority(200)
public class BodyStillEncoder implements StillCueEncoder {

    private final BodyAnalyzer body;

    public BodyStillEncoder(BodyAnalyzer body) {
        this.body = body;
    }

    @Override
    public String id() {
        return "body";
    }

    @Override
    public String version() {
        return body.version();
    }

    @Override
    public boolean faceDerived() {
        return false;
    }

    @Override
    public String measures() {
        return "people, postures and gestures";
    }

    @Override
    public StillCues encode(DecodedImage image, StillOptions options) {
        if (!body.enabled()) {
            return StillCues.NONE;
        }
        // In the original image's pixels, as face boxes are: a large photo is decoded subsampled.
        BodyFrame frame = body.analyze(image.pixels(), 0, new PersonTracker()).scaled(image.scale());
        Map<String, Double> timings = new LinkedHashMap<>();
        frame.timings().forEach((k, v) -> timings.put("body." + k, v));
        List<KeypointTrack> tracks = KeypointTrack.of(List.of(frame));
        return new StillCues(BodyCues.of(tracks, GestureDetectors.detect(tracks)), List.of(), BodyReport.of(frame), List.of(), timings);
    }
}

package io.affectra.gateway.media;

import io.affectra.cue.TimeSpan;
import io.affectra.encoder.face.FaceAnalysis;
import io.affectra.encoder.face.FaceAnalyzer;
import io.affectra.encoder.face.FaceCues;
import io.affectra.encoder.face.FaceOptions;
import io.affectra.media.DecodedImage;
import io.affectra.media.ImageDecoder;
import jakarta.inject.Singleton;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** Images: the same decoding and face pipeline as {@code /v1/emotion/analyze} (expressions, action units, priors). */
@Singleton
public class FaceImageEncoder implements MediaEncoder {

    private final ImageDecoder decoder;
    private final FaceAnalyzer faces;

    public FaceImageEncoder(ImageDecoder decoder, FaceAnalyzer faces) {
        this.decoder = decoder;
        this.faces = faces;
    }

    @Override
    public boolean accepts(MediaPart.Kind kind) {
        return kind == MediaPart.Kind.IMAGE;
    }

    @Override
    public EncodedMedia encode(LoadedMedia media, EncodeOptions options) {
        DecodedImage image = decoder.decode(media.bytes());
        String size = String.format(Locale.ROOT, "%s %dx%d", image.kind().name(), image.width(), image.height());
        if (options.deidentify()) {
            return new EncodedMedia(List.of(), size + ", faces not analysed (de-identified)", 0, List.of(),
                    List.of("face expression, action units and facial priors are not computed in de-identified mode"));
        }
        boolean priors = options.facialPriors();
        FaceAnalysis analysis = faces.analyze(image, new FaceOptions(priors));
        List<String> warnings = new ArrayList<>();
        if (priors && !faces.priorsAvailable()) {
            warnings.add("facial priors were requested but no prior model is enabled on this server");
        }
        int n = analysis.faces().size();
        return new EncodedMedia(FaceCues.of(analysis.faces(), TimeSpan.STILL),
                size + ", " + (n == 0 ? "no face found" : n + (n == 1 ? " face" : " faces")), n, warnings, List.of());
    }
}

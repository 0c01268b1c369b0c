package io.affectra.encoder;

import io.affectra.encoder.body.BodyConfig;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.util.Optional;

/** The ONNX encoders, their pools and where their models come from: {@code affectra.encoders.*}. */
@ConfigMapping(prefix = "affectra.encoders")
public interface EncodersConfig {

    /** Predictors per model; DJL predictors are not thread-safe, so this bounds parallel inference. */
    @WithDefault("2")
    int poolSize();

    /** ONNX Runtime intra-op threads per predictor: one per worker beats two per worker on small models. */
    @WithDefault("1")
    int intraOpThreads();

    /** Where manifests and models are read from; empty means the copies packaged on the classpath. */
    Optional<String> directory();

    Face face();

    /** PoseNet, hand landmarks: {@code affectra.encoders.body.*}. */
    BodyConfig body();

    interface Face {
        /** Detector score (sigmoid) threshold. */
        @WithDefault("0.55")
        double minDetectorScore();

        /** FaceMesh face-flag threshold that confirms a detection is a face. */
        @WithDefault("0.2")
        double minFaceFlag();

        @WithDefault("0.3")
        double nmsIou();

        @WithDefault("20")
        int maxFaces();

        /**
         * On video, the face detectors run on every n-th sampled frame (and on the first, after a shot change, and
         * whenever a followed face's face flag falls below {@link #minFaceFlag()}); in between, each face's box comes
         * from its FaceMesh on the previous frame, as MediaPipe's face-mesh pipeline does in video. The detectors are
         * the largest cost per frame and faces move little in a fifth of a second; a face that comes into view waits
         * at most n-1 frames (at 5 sampled frames/s and 5, under a second). 1 detects on every frame. Stills always
         * detect.
         */
        @WithDefault("5")
        int detectEveryNthFrame();

        /** SSR-Net gender prior (MIT): allowed when a request asks for facial priors. */
        @WithDefault("true")
        boolean genderPriorEnabled();

        /** GEAR age/race/gender: upstream licence unverified, so off unless an operator turns it on. */
        @WithDefault("false")
        boolean gearEnabled();
    }
}

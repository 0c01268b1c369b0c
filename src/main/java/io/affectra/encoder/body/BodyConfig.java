package io.affectra.encoder.body;

import io.smallrye.config.WithDefault;

/** {@code affectra.encoders.body.*}: PoseNet decoding and hand-landmark settings. */
public interface BodyConfig {

    /** Load PoseNet and the hand model at startup; when off, {@link BodyAnalyzer} finds nobody. */
    @WithDefault("true")
    boolean enabled();

    /** Most people decoded per frame. */
    @WithDefault("10")
    int maxPeople();

    /** Heatmap score (sigmoid) a part needs to start a new person (root candidate). */
    @WithDefault("0.3")
    double minPartScore();

    /** PoseNet instance score (mean keypoint score over all 17 parts) a person needs to be kept. */
    @WithDefault("0.25")
    double minPoseScore();

    /** Part-based NMS radius between people, in PoseNet input pixels (the image letterboxed to 385 px). */
    @WithDefault("20")
    double nmsRadius();

    /** Run the hand-landmark model on a crop past each seen wrist. */
    @WithDefault("true")
    boolean hands();

    /**
     * On video, the hand model runs on every n-th sampled frame; in between, each person's last hands move with their
     * wrists. At 5 sampled frames/s and 2, hands are still seen 2.5 times a second, enough for gestures that last half
     * a second or more, and the hand model's cost (the second largest per frame) halves. Stills always run it.
     */
    @WithDefault("2")
    int handsEveryNthFrame();

    /** Hand flag (a probability) a crop needs for its hand to be kept. */
    @WithDefault("0.5")
    double minHandPresence();
}

package io.affectra.encoder.body;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The body analysis of one frame: everyone's pose and hands, in the frame's pixels.
 *
 * @param timestampMs media time of the frame
 * @param width       frame width in pixels
 * @param height      frame height in pixels
 * @param people      people, in PoseNet's order (strongest first) before tracking, by id after
 * @param timings     milliseconds per stage: {@code pose}, {@code hands}, and {@code tracking} when tracked
 */
public record BodyFrame(long timestampMs, int width, int height, List<PersonPose> people, Map<String, Double> timings) {

    public BodyFrame {
        people = List.copyOf(people);
        timings = Collections.unmodifiableMap(new LinkedHashMap<>(timings));
    }

    public Optional<PersonPose> person(String id) {
        return people.stream().filter(p -> id.equals(p.id())).findFirst();
    }

    /**
     * The same frame in other pixels: every keypoint and hand landmark times {@code scale}, as a subsampled still's
     * frame is taken back to the original image's pixels (the gesture rules measure in body sizes, so they read the
     * same).
     */
    public BodyFrame scaled(double scale) {
        if (scale == 1) {
            return this;
        }
        return new BodyFrame(timestampMs, (int) Math.round(width * scale), (int) Math.round(height * scale),
                people.stream().map(p -> p.scaled(scale)).toList(), timings);
    }

    BodyFrame with(List<PersonPose> newPeople, Map<String, Double> newTimings) {
        return new BodyFrame(timestampMs, width, height, newPeople, newTimings);
    }
}

package io.affectra.encoder.body.gesture;

import io.affectra.encoder.body.KeypointTrack;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/** A track with each sample's {@link BodyGeometry} computed once, shared by all detectors. */
final class TrackView {

    final KeypointTrack track;
    private final List<BodyGeometry> geometry;
    private final long[] times;
    private final Map<String, Object> cache = new HashMap<>();

    private TrackView(KeypointTrack track) {
        this.track = track;
        double median = track.medianShoulderWidth();
        this.geometry = new ArrayList<>(track.samples().size());
        this.times = new long[track.samples().size()];
        for (int i = 0; i < times.length; i++) {
            KeypointTrack.Sample s = track.samples().get(i);
            times[i] = s.timestampMs();
            geometry.add(BodyGeometry.of(s, median));
        }
    }

    static TrackView of(KeypointTrack track) {
        return new TrackView(track);
    }

    int size() {
        return times.length;
    }

    /** The sample's geometry, or null when it has no scale. */
    BodyGeometry g(int i) {
        return geometry.get(i);
    }

    long t(int i) {
        return times[i];
    }

    boolean still() {
        return times.length == 1;
    }

    /** First and last index of the samples within {@code halfMs} of sample i. */
    int[] window(int i, long halfMs) {
        int lo = i;
        while (lo > 0 && times[i] - times[lo - 1] <= halfMs) {
            lo--;
        }
        int hi = i;
        while (hi < times.length - 1 && times[hi + 1] - times[i] <= halfMs) {
            hi++;
        }
        return new int[] {lo, hi};
    }

    @SuppressWarnings("unchecked")
    <T> T cached(String key, Supplier<T> compute) {
        Object value = cache.get(key);
        if (value == null) {
            value = compute.get();
            cache.put(key, value);
        }
        return (T) value;
    }
}

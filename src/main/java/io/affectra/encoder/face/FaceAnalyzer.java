package io.affectra.encoder.face;

import io.affectra.cue.Region;
import io.affectra.encoder.EncodersConfig;
import io.affectra.encoder.LoadedModel;
import io.affectra.encoder.ModelRepository;
import io.affectra.encoder.PredictorPool;
import io.affectra.media.DecodedImage;
import io.affectra.media.RgbImage;
import io.affectra.timing.StageClock;
import io.affectra.vocabulary.LabelSet;
import io.quarkus.runtime.Startup;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The face pipeline on one image: BlazeFace (full-range model for small and far faces, short-range model
 * for close-ups) on the whole letterboxed image, merged by NMS; FaceMesh on each candidate confirms it is
 * a face (face flag) and gives landmarks; two expression models vote; action-unit proxies come from the
 * landmarks; facial priors only when asked for and allowed.
 */
@Startup
@ApplicationScoped
public class FaceAnalyzer {

    /** Crop factors of the reference pipeline: landmarks on the box x1.4, expression and priors on x1.2. */
    static final double MESH_CROP = 1.4;
    static final double EXPRESSION_CROP = 1.2;

    private final EncodersConfig.Face settings;
    private final PredictorPool<FaceCrop, List<Detection>> farDetector;
    private final PredictorPool<FaceCrop, List<Detection>> nearDetector;
    private final PredictorPool<FaceCrop, FaceMesh> mesh;
    private final PredictorPool<FaceCrop, double[]> miniXception;
    private final PredictorPool<FaceCrop, double[]> faceApi;
    private final PredictorPool<FaceCrop, Double> gender;
    private final PredictorPool<FaceCrop, GearPrior> gear;
    private final ActionUnitProxies actionUnits = ActionUnitProxies.fromClasspath();
    private final String version;

    public FaceAnalyzer(ModelRepository models, EncodersConfig config) {
        this.settings = config.face();
        double minScore = settings.minDetectorScore();
        this.farDetector = models.load("blazeface-back").pool(new BlazeFaceTranslator("blazeface-back", 256, minScore));
        this.nearDetector = models.load("blazeface-front").pool(new BlazeFaceTranslator("blazeface-front", 128, minScore));
        this.mesh = models.load("facemesh").pool(new FaceMeshTranslator());
        LoadedModel emotion = models.load("emotion");
        this.miniXception = emotion.pool(ExpressionTranslator.miniXception(emotion.manifest().labels()));
        LoadedModel expression = models.load("face_expression");
        this.faceApi = expression.pool(ExpressionTranslator.faceApi(expression.manifest().labels()));
        this.gender = settings.genderPriorEnabled() ? models.load("gender").pool(new GenderPriorTranslator()) : null;
        this.gear = settings.gearEnabled() ? models.load("gear").pool(new GearPriorTranslator()) : null;
        this.version = models.version(poolNames());
    }

    /** The models this analyser runs, as {@link ModelRepository#version} names them. */
    public String version() {
        return version;
    }

    /**
     * The image with every face the detector finds pixelated, for de-identified mode: the only form in which
     * a frame may be forwarded to a backend. Detection here is looser than for analysis (no face-flag
     * check, lower score) because a missed face leaks and a blurred background costs nothing.
     */
    public RgbImage deidentify(RgbImage image) {
        FaceCrop whole = letterbox(image);
        List<Detection> found = new ArrayList<>(farDetector.predict(whole));
        found.addAll(nearDetector.predict(whole));
        List<Region> boxes = NonMaxSuppression.apply(found, settings.nmsIou(), 100).stream().map(Detection::box).toList();
        return io.affectra.media.Pixelate.regions(image, boxes, 0.4);
    }

    /** A session that follows faces through the sampled frames of one video. */
    public FaceTrackSession openVideoSession(FaceOptions options) {
        return new FaceTrackSession(this, options, detectEveryNthFrame());
    }

    /** {@code affectra.encoders.face.detect-every-nth-frame}, at least 1. */
    int detectEveryNthFrame() {
        return Math.max(1, settings.detectEveryNthFrame());
    }

    public FaceAnalysis analyze(DecodedImage decoded, FaceOptions options) {
        return detect(decoded, options).analysis();
    }

    /** {@link #analyze}, with where to look for each face on the next video frame. */
    FaceFrame detect(DecodedImage decoded, FaceOptions options) {
        RgbImage image = decoded.pixels();
        StageClock clock = new StageClock();

        FaceCrop whole = letterbox(image);
        List<Detection> candidates = new ArrayList<>(farDetector.predict(whole));
        candidates.addAll(nearDetector.predict(whole));
        candidates = NonMaxSuppression.apply(candidates, settings.nmsIou(), settings.maxFaces() * 3);
        clock.lap("detect");

        List<Detection> faces = new ArrayList<>();
        List<FaceMesh> meshes = new ArrayList<>();
        List<FollowedFace> carried = new ArrayList<>();
        for (Detection candidate : candidates) {
            FaceMesh m = mesh.predict(FaceCrop.around(image, candidate.box(), MESH_CROP));
            if (m.faceFlag() >= settings.minFaceFlag() && faces.size() < settings.maxFaces()) {
                faces.add(candidate);
                meshes.add(m);
                carried.add(FollowedFace.detected(candidate.box(), MeshBox.of(m), candidate.score()));
            }
        }
        clock.lap("landmarks");
        return describe(decoded, faces, meshes, carried, options, clock);
    }

    /**
     * A video frame between detections: FaceMesh on the box each face had on the previous frame, in place of the
     * detectors, and the face's box moved with its new mesh. When any face's face flag falls below the threshold (or its
     * box {@link FollowedFace#drifted}) the face is lost: the result is {@link FaceFrame#lost} (no faces, the landmark
     * time it cost) and the caller detects on this frame instead.
     */
    FaceFrame follow(DecodedImage decoded, List<FollowedFace> previous, FaceOptions options) {
        RgbImage image = decoded.pixels();
        StageClock clock = new StageClock();
        List<Detection> faces = new ArrayList<>();
        List<FaceMesh> meshes = new ArrayList<>();
        List<FollowedFace> carried = new ArrayList<>();
        for (FollowedFace face : previous) {
            FaceMesh m = mesh.predict(FaceCrop.around(image, face.box(), MESH_CROP));
            FollowedFace moved = face.movedTo(MeshBox.of(m));
            if (m.faceFlag() < settings.minFaceFlag() || moved.drifted()) {
                clock.lap("landmarks");
                return FaceFrame.lost(clock.laps());
            }
            Detection found = new Detection(moved.box(), face.score(), List.of(), "facemesh");
            // Two followed boxes that slid onto one face are one face, as the detectors' NMS would have made them.
            int same = indexOfOverlapping(faces, moved.box());
            if (same < 0) {
                faces.add(found);
                meshes.add(m);
                carried.add(moved);
            } else if (m.faceFlag() > meshes.get(same).faceFlag()) {
                faces.set(same, found);
                meshes.set(same, m);
                carried.set(same, moved);
            }
        }
        clock.lap("landmarks");
        return describe(decoded, faces, meshes, carried, options, clock);
    }

    private int indexOfOverlapping(List<Detection> faces, Region box) {
        for (int i = 0; i < faces.size(); i++) {
            if (NonMaxSuppression.overlaps(faces.get(i).box(), box, settings.nmsIou())) {
                return i;
            }
        }
        return -1;
    }

    /** Expression, action units and priors of the confirmed faces, as one analysis in left-to-right order. */
    private FaceFrame describe(DecodedImage decoded, List<Detection> faces, List<FaceMesh> meshes, List<FollowedFace> carried,
            FaceOptions options, StageClock clock) {
        RgbImage image = decoded.pixels();
        List<double[]> ensemble = new ArrayList<>();
        List<Map<String, Map<String, Double>>> perModel = new ArrayList<>();
        for (Detection face : faces) {
            FaceCrop crop = FaceCrop.around(image, face.box(), EXPRESSION_CROP);
            double[] a = miniXception.predict(crop);
            double[] b = faceApi.predict(crop);
            double[] mean = new double[a.length];
            for (int i = 0; i < a.length; i++) {
                mean[i] = (a[i] + b[i]) / 2;
            }
            ensemble.add(mean);
            Map<String, Map<String, Double>> models = new LinkedHashMap<>();
            models.put(miniXception.name(), named(a));
            models.put(faceApi.name(), named(b));
            perModel.add(models);
        }
        clock.lap("expression");

        List<FaceReport.Priors> priors = new ArrayList<>();
        for (Detection face : faces) {
            priors.add(options.facialPriors() ? priors(FaceCrop.around(image, face.box(), EXPRESSION_CROP)) : null);
        }
        if (options.facialPriors()) {
            clock.lap("priors");
        }

        List<Integer> order = new ArrayList<>();
        for (int i = 0; i < faces.size(); i++) {
            order.add(i);
        }
        order.sort(Comparator.comparingDouble(i -> faces.get(i).box().centerX()));
        List<FaceReport> reports = new ArrayList<>();
        List<FollowedFace> next = new ArrayList<>();
        for (int rank = 0; rank < order.size(); rank++) {
            int i = order.get(rank);
            Detection face = faces.get(i);
            double[] probs = ensemble.get(i);
            int top = argmax(probs);
            reports.add(new FaceReport(
                    "F" + (rank + 1),
                    scaled(face.box(), decoded.scale()),
                    round(face.score()),
                    round(meshes.get(i).faceFlag()),
                    new FaceReport.Expression(LabelSet.CANONICAL.labels().get(top), round(probs[top]), named(probs), perModel.get(i)),
                    actionUnits.measure(meshes.get(i)).stream().map(FaceAnalyzer::rounded).toList(),
                    priors.get(i),
                    KeyLandmarks.of(meshes.get(i), decoded.scale())));
            next.add(carried.get(i));
        }
        clock.lap("actionUnits");
        return new FaceFrame(new FaceAnalysis(reports, clock.laps()), next, false);
    }

    private FaceReport.Priors priors(FaceCrop crop) {
        if (gear != null) {
            GearPrior g = gear.predict(crop);
            return new FaceReport.Priors(g.gender(), round(g.genderScore()), "gear", Math.round(g.age() * 10) / 10.0, roundAll(g.race()));
        }
        if (gender != null) {
            double female = gender.predict(crop);
            boolean isFemale = female >= 0.5;
            return new FaceReport.Priors(isFemale ? "female" : "male", round(isFemale ? female : 1 - female), "gender", null, null);
        }
        return null;
    }

    /** The whole image as a centred square with black borders, as the detector expects. */
    static FaceCrop letterbox(RgbImage image) {
        double side = Math.max(image.width(), image.height());
        return new FaceCrop(image, (image.width() - side) / 2, (image.height() - side) / 2, side);
    }

    private static Region scaled(Region r, double s) {
        return new Region(round(r.x() * s), round(r.y() * s), round(r.width() * s), round(r.height() * s));
    }

    private static ActionUnit rounded(ActionUnit u) {
        return new ActionUnit(u.name(), u.facs(), Math.round(u.raw() * 1000) / 1000.0, round(u.intensity()));
    }

    private static Map<String, Double> named(double[] probs) {
        Map<String, Double> out = new LinkedHashMap<>();
        for (int i = 0; i < probs.length; i++) {
            out.put(LabelSet.CANONICAL.labels().get(i), round(probs[i]));
        }
        return out;
    }

    private static Map<String, Double> roundAll(Map<String, Double> values) {
        Map<String, Double> out = new LinkedHashMap<>();
        values.forEach((k, v) -> out.put(k, round(v)));
        return out;
    }

    private static int argmax(double[] v) {
        int best = 0;
        for (int i = 1; i < v.length; i++) {
            if (v[i] > v[best]) {
                best = i;
            }
        }
        return best;
    }

    static double round(double v) {
        return Math.round(v * 10000) / 10000.0;
    }

    public boolean priorsAvailable() {
        return gender != null || gear != null;
    }

    public boolean gearEnabled() {
        return gear != null;
    }

    public List<String> poolNames() {
        List<String> names = new ArrayList<>(List.of(farDetector.name(), nearDetector.name(), mesh.name(), miniXception.name(), faceApi.name()));
        if (gender != null) {
            names.add(gender.name());
        }
        if (gear != null) {
            names.add(gear.name());
        }
        return names;
    }

    @PreDestroy
    void close() {
        for (PredictorPool<?, ?> pool : new PredictorPool<?, ?>[] {farDetector, nearDetector, mesh, miniXception, faceApi, gender, gear}) {
            if (pool != null) {
                pool.close();
            }
        }
    }
}

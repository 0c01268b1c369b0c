package io.affectra.llm.local;

import io.affectra.cue.Cue;
import io.affectra.cue.CueSet;
import io.affectra.cue.CueType;
import io.affectra.cue.Modality;
import io.affectra.cue.Region;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The people a cue set is about: every face ({@code F1}, with the body around it where the pose model found one), then
 * every body no face was found in ({@code P2}). A face belongs to the body whose box holds the face's centre, the
 * closest such pair first, each body at most once. Positions (left, centre, right) come from the people's boxes
 * relative to each other, since the cues do not carry the frame's width; several images of one chat ({@code I1.},
 * {@code I2.}) are placed each on its own. Speaker cues (voice, words) belong to nobody here.
 */
final class People {

    /**
     * @param id       the face's subject, or the body's where there is no face
     * @param face     whether a face was found
     * @param subjects the cue subjects that make up this person (the face and its body)
     * @param box      the face's box, else the body's; null when the cues have none
     * @param position {@code left}, {@code centre}, {@code right}, or null where it cannot be told
     */
    record Person(String id, boolean face, List<String> subjects, Region box, String position) {

        CueSet cuesIn(CueSet cues) {
            return new CueSet(cues.cues().stream().filter(c -> subjects.contains(c.subject())).toList());
        }
    }

    private People() {
    }

    static List<Person> of(CueSet cues) {
        Map<String, Region> faces = boxes(cues, Modality.FACE, CueType.EXPRESSION);
        Map<String, Region> bodies = boxes(cues, Modality.BODY, CueType.PERSON);
        Map<String, String> bodyOf = match(faces, bodies);
        List<Person> people = new ArrayList<>();
        faces.forEach((face, box) -> {
            String body = bodyOf.get(face);
            people.add(new Person(face, true, body == null ? List.of(face) : List.of(face, body), box, null));
        });
        Set<String> matched = new HashSet<>(bodyOf.values());
        bodies.forEach((body, box) -> {
            if (!matched.contains(body)) {
                people.add(new Person(body, false, List.of(body), box, null));
            }
        });
        return placed(people);
    }

    /** Subjects of one modality in cue order, each with a box: its preferred cue's, else any of its cues'; null for none. */
    private static Map<String, Region> boxes(CueSet cues, Modality modality, CueType preferred) {
        Map<String, Region> out = new LinkedHashMap<>();
        cues.cues().stream().filter(c -> c.modality() == modality && c.subject() != null).forEach(c -> out.putIfAbsent(c.subject(), null));
        out.replaceAll((subject, none) -> cues.cues().stream()
                .filter(c -> subject.equals(c.subject()) && c.region() != null)
                .min(Comparator.comparingInt(c -> c.type() == preferred ? 0 : 1))
                .map(Cue::region).orElse(null));
        return out;
    }

    /** Face -> body, greedily by how far the face's centre sits from the body box's upper middle. */
    private static Map<String, String> match(Map<String, Region> faces, Map<String, Region> bodies) {
        record Pair(String face, String body, double distance) {
        }
        List<Pair> pairs = new ArrayList<>();
        faces.forEach((face, f) -> bodies.forEach((body, b) -> {
            if (f != null && b != null && b.width() > 0 && b.height() > 0 && group(face).equals(group(body)) && inside(f, b)) {
                double dx = (f.centerX() - b.centerX()) / b.width();
                double dy = (f.centerY() - b.y()) / b.height();
                pairs.add(new Pair(face, body, Math.hypot(dx, dy)));
            }
        }));
        pairs.sort(Comparator.comparingDouble(Pair::distance));
        Map<String, String> out = new LinkedHashMap<>();
        Set<String> taken = new HashSet<>();
        for (Pair p : pairs) {
            if (!out.containsKey(p.face()) && taken.add(p.body())) {
                out.put(p.face(), p.body());
            }
        }
        return out;
    }

    private static boolean inside(Region face, Region body) {
        return face.centerX() >= body.x() && face.centerX() <= body.x() + body.width()
                && face.centerY() >= body.y() && face.centerY() <= body.y() + body.height();
    }

    /**
     * Left to right within each image, placed by where their box's centre falls in the span of the centres: the outer
     * thirds are left and right. Nobody is placed when one person is alone in the image, when a box is missing, or when
     * the centres lie closer together than a box is wide (people one behind another).
     */
    private static List<Person> placed(List<Person> people) {
        Map<String, List<Person>> byGroup = new LinkedHashMap<>();
        people.forEach(p -> byGroup.computeIfAbsent(group(p.id()), k -> new ArrayList<>()).add(p));
        List<Person> out = new ArrayList<>();
        byGroup.values().forEach(group -> {
            if (group.size() < 2 || group.stream().anyMatch(p -> p.box() == null)) {
                out.addAll(group);
                return;
            }
            List<Person> sorted = new ArrayList<>(group);
            sorted.sort(Comparator.comparingDouble(p -> p.box().centerX()));
            double min = sorted.get(0).box().centerX();
            double span = sorted.get(sorted.size() - 1).box().centerX() - min;
            double width = sorted.stream().mapToDouble(p -> p.box().width()).average().orElse(0);
            for (Person p : sorted) {
                String position = null;
                if (span > 0 && span >= width) {
                    double t = (p.box().centerX() - min) / span;
                    position = t < 1.0 / 3 ? "left" : t > 2.0 / 3 ? "right" : "centre";
                }
                out.add(new Person(p.id(), p.face(), p.subjects(), p.box(), position));
            }
        });
        return out;
    }

    /** The image a subject belongs to: its id up to the last dot ({@code I2.} of {@code I2.F1}), empty for one image. */
    private static String group(String subject) {
        int dot = subject.lastIndexOf('.');
        return dot < 0 ? "" : subject.substring(0, dot + 1);
    }
}

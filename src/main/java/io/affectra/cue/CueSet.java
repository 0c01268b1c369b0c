package io.affectra.cue;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/** An ordered, id-unique set of cues: what an analysis rests on. */
public record CueSet(List<Cue> cues) {

    public static final CueSet EMPTY = new CueSet(List.of());

    public CueSet {
        Map<String, Cue> byId = new LinkedHashMap<>();
        for (Cue cue : cues) {
            if (byId.putIfAbsent(cue.id(), cue) != null) {
                throw new IllegalArgumentException("duplicate cue id " + cue.id());
            }
        }
        cues = List.copyOf(byId.values());
    }

    public static CueSet of(Collection<Cue> cues) {
        return new CueSet(new ArrayList<>(cues));
    }

    public Optional<Cue> byId(String id) {
        return cues.stream().filter(c -> c.id().equals(id)).findFirst();
    }

    public boolean contains(String id) {
        return byId(id).isPresent();
    }

    public Stream<Cue> ofType(CueType type) {
        return cues.stream().filter(c -> c.type() == type);
    }

    public boolean isEmpty() {
        return cues.isEmpty();
    }

    public int size() {
        return cues.size();
    }

    public CueSet plus(Collection<Cue> more) {
        List<Cue> all = new ArrayList<>(cues);
        all.addAll(more);
        return new CueSet(all);
    }

    /** The cues de-identified mode may keep, and the ids it withheld. */
    public CueSet withoutFaceDerived() {
        return new CueSet(cues.stream().filter(c -> !c.modality().faceDerived()).toList());
    }
}

package io.affectra.analysis;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.util.List;
import java.util.Optional;

/** Saves and finds analyses. One insert per analysis, in one transaction: nothing half-written. */
@ApplicationScoped
public class AnalysisStore {

    private final ObjectMapper json;

    public AnalysisStore(ObjectMapper json) {
        this.json = json;
    }

    @Transactional
    public void save(AnalysisResult result) {
        AnalysisRecord r = new AnalysisRecord();
        r.id = result.id();
        r.createdAt = result.createdAt();
        r.mediaType = result.media().type();
        r.width = result.media().width();
        r.height = result.media().height();
        r.backend = result.backend();
        r.model = result.model();
        r.strategy = result.strategy();
        r.promptId = result.prompt().id();
        r.promptVersion = result.prompt().version();
        r.promptHash = result.prompt().hash();
        r.label = result.answer().label();
        r.confidence = result.answer().confidence();
        r.faceCount = result.faces().size();
        r.cueCount = result.cues().size();
        try {
            r.resultJson = json.writeValueAsString(result);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("analysis not serialisable", e);
        }
        r.persist();
    }

    /** The stored result JSON, as it was returned. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Optional<String> findJson(String id) {
        return AnalysisRecord.<AnalysisRecord>findByIdOptional(id).map(r -> r.resultJson);
    }

    /** The newest {@code limit} analyses, newest first (the id breaks ties of the same instant). */
    @Transactional(Transactional.TxType.SUPPORTS)
    public List<AnalysisSummary> list(int limit) {
        return AnalysisRecord.<AnalysisRecord>find("order by createdAt desc, id desc").page(0, Math.max(1, Math.min(limit, 500))).list()
                .stream().map(AnalysisSummary::of).toList();
    }

    public long count() {
        return AnalysisRecord.count();
    }
}

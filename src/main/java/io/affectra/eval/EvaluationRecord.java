package io.affectra.eval;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/**
 * A background run over a dataset: an evaluation (strategies) or an experiment (cells), told apart by {@code kind}. It
 * holds its dataset (the JSONL text, so that it resumes without the upload, and its sha256 pinned at submission),
 * options (for an experiment, its resolved spec), status, metrics and cue-cache counts.
 */
@Entity
@Table(name = "evaluation")
public class EvaluationRecord extends PanacheEntityBase {

    @Id
    public String id;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;

    @Column(name = "completed_at")
    public Instant completedAt;

    @Column(nullable = false)
    public String kind = RunPlanner.KIND;

    @Column(nullable = false)
    public String status;

    @Column(nullable = false)
    public String format;

    @Column(name = "dataset_name", nullable = false)
    public String datasetName;

    @Column(name = "dataset_sha256", nullable = false)
    public String datasetSha256;

    @Column(name = "dataset_jsonl", nullable = false, columnDefinition = "text")
    public String datasetJsonl;

    @Column(name = "media_dir")
    public String mediaDir;

    @Column(name = "options_json", nullable = false, columnDefinition = "text")
    public String optionsJson;

    @Column(name = "total_cases", nullable = false)
    public int totalCases;

    public String error;

    @Column(name = "metrics_json", columnDefinition = "text")
    public String metricsJson;

    @Column(name = "cue_cache_hits", nullable = false)
    public long cueCacheHits;

    @Column(name = "cue_cache_misses", nullable = false)
    public long cueCacheMisses;

    /** When every item of the run was on the work queue ({@code rabbitmq} mode); null until then. */
    @Column(name = "dispatched_at")
    public Instant dispatchedAt;

    /** The replica that claimed the enqueueing, and until when its claim holds. */
    @Column(name = "dispatch_owner")
    public String dispatchOwner;

    @Column(name = "dispatch_until")
    public Instant dispatchUntil;
}

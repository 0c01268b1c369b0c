package io.affectra.job;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** A job's state: where it is, and the analysis it produced or the problem that ended it. */
@Entity
@Table(name = "analysis_job")
public class JobRecord extends PanacheEntityBase {

    @Id
    public String id;

    @Column(nullable = false)
    public String status;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;

    @Column(name = "media_type")
    public String mediaType;

    public String stage;

    public double progress;

    @Column(name = "eta_ms")
    public Long etaMs;

    @Column(name = "windows_done")
    public int windowsDone;

    @Column(name = "analysis_id")
    public String analysisId;

    @Column(name = "error_type")
    public String errorType;

    @Column(name = "error_detail")
    public String errorDetail;

    /** The replica that runs it (and holds its media). */
    public String replica;
}

package io.affectra.job;

import io.affectra.analysis.AnalysisResult;
import io.affectra.analysis.AnalysisService;
import io.affectra.analysis.AnalysisStore;
import io.affectra.analysis.AnalyzeOptions;
import io.affectra.evidence.AvMediaGate;
import io.affectra.analysis.NotFoundProblem;
import io.affectra.analysis.ProgressListener;
import io.affectra.analysis.RequestResolver;
import io.affectra.analysis.TemporalAnalysisService;
import io.affectra.analysis.WindowAnswer;
import io.affectra.config.DataConfig;
import io.affectra.media.AvProbe;
import io.affectra.media.ImageDecoder;
import io.affectra.error.ReportedError;
import io.affectra.media.MediaException;
import io.affectra.media.MediaKind;
import io.affectra.work.Broker;
import io.affectra.work.ReplicaId;
import io.quarkus.runtime.StartupEvent;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.jboss.logging.Logger;

/**
 * Runs analyses in the background for media too long to wait for. The upload moves to a spool file that
 * lives exactly as long as the job; every state change is written to the database and published as an
 * event. A job the server could not finish (a restart) is marked failed at the next start.
 */
@ApplicationScoped
public class JobService {

    private static final Logger LOG = Logger.getLogger(JobService.class);

    private final JobsConfig config;
    private final RequestResolver resolver;
    private final ImageDecoder images;
    private final AvMediaGate gate;
    private final AnalysisService analyses;
    private final TemporalAnalysisService temporal;
    private final AnalysisStore analysisStore;
    private final JobStore jobs;
    private final JobEvents events;
    private final Broker broker;
    private final ReplicaId replica;
    private final ExecutorService executor;
    private final Path spool;

    public JobService(JobsConfig config, DataConfig data, RequestResolver resolver, ImageDecoder images, AvMediaGate gate,
            AnalysisService analyses, TemporalAnalysisService temporal, AnalysisStore analysisStore, JobStore jobs, JobEvents events,
            Broker broker, ReplicaId replica) {
        this.config = config;
        this.resolver = resolver;
        this.images = images;
        this.gate = gate;
        this.analyses = analyses;
        this.temporal = temporal;
        this.analysisStore = analysisStore;
        this.jobs = jobs;
        this.events = events;
        this.broker = broker;
        this.replica = replica;
        AtomicInteger n = new AtomicInteger();
        this.executor = Executors.newFixedThreadPool(config.concurrency(),
                r -> Thread.ofPlatform().name("affectra-job-" + n.incrementAndGet()).daemon().unstarted(r));
        this.spool = Path.of(data.dataDir(), "spool");
    }

    void onStart(@Observes StartupEvent start) {
        // One process: every unfinished job was its own. Replicas: only this replica's; those of replicas that are gone
        // are failed when the broker says they are (a replica that is alive keeps running its own).
        for (String id : jobs.failInterrupted(broker.enabled() ? replica.get() : null)) {
            LOG.warnf("job %s was interrupted by a restart and is marked failed", id);
        }
        if (broker.enabled()) {
            broker.onConnect(this::failJobsOfGoneReplicas);
            broker.periodically(this::failJobsOfGoneReplicas);
        }
        // Media of interrupted jobs must not linger: privacy and disk.
        if (Files.isDirectory(spool)) {
            try (Stream<Path> files = Files.list(spool)) {
                files.forEach(f -> f.toFile().delete());
            } catch (IOException e) {
                LOG.warnf("could not empty %s: %s", spool, e.getMessage());
            }
        }
    }

    /** Fails the unfinished jobs of replicas that are no longer connected to the broker (their media went with them). */
    public void failJobsOfGoneReplicas() {
        for (String owner : jobs.replicasWithUnfinishedJobs()) {
            // Only a replica the broker says is gone: when the broker cannot be asked, its jobs are left alone.
            if (!owner.equals(replica.get()) && broker.alive(owner).equals(Optional.of(false))) {
                for (String id : jobs.failInterrupted(owner)) {
                    LOG.warnf("job %s was interrupted: its replica %s is gone", id, owner);
                }
            }
        }
    }

    public JobView submit(Path upload, long size, String declaredType, String transcript, AnalyzeOptions options) {
        resolver.resolve(transcript, options);
        if (size == 0) {
            throw MediaException.empty();
        }
        if (jobs.countQueued() >= config.maxQueued()) {
            throw new MediaException("queue-full", 503, "Too many jobs are waiting; try again later.");
        }
        MediaKind kind = images.sniff(upload);
        AvProbe probe = kind.isImage() || kind == MediaKind.UNKNOWN ? null : gate.check(upload, size, declaredType);
        if (probe == null && !kind.isImage()) {
            throw MediaException.unsupported(kind);
        }
        String id = UUID.randomUUID().toString();
        Path media = keep(upload, id);
        jobs.create(id, probe == null ? kind.mimeType() : probe.mimeType(kind), replica.get());
        events.open(id);
        executor.submit(() -> run(id, media, probe, transcript, options));
        return view(id);
    }

    private void run(String id, Path media, AvProbe probe, String transcript, AnalyzeOptions options) {
        try {
            jobs.running(id);
            publishProgress(id, "starting", 0.0, null, 0);
            AnalysisResult result;
            if (probe == null) {
                result = analyses.analyze(media, transcript, options);
            } else {
                result = temporal.analyze(media, probe, gate.limit(), transcript, options, new ProgressListener() {
                    private int windows;

                    @Override
                    public void progress(String stage, double fraction, Long etaMs) {
                        publishProgress(id, stage, fraction, etaMs, windows);
                    }

                    @Override
                    public void window(WindowAnswer w) {
                        windows++;
                        events.publish(id, JobEvent.window(id, w.index(), w.startMs(), w.endMs(), w.answer().label(), w.answer().confidence()));
                    }
                });
            }
            jobs.completed(id, result.id());
            events.publish(id, JobEvent.completed(id, result.id()));
        } catch (RuntimeException e) {
            if (e instanceof ReportedError reported) {
                // The same code the synchronous endpoint would answer with.
                fail(id, reported.code(), reported.getMessage());
                return;
            }
            LOG.errorf(e, "job %s failed", id);
            fail(id, "internal-error", "The analysis failed on the server; the operator can find job " + id + " in its log.");
        } finally {
            media.toFile().delete();
        }
    }

    private void publishProgress(String id, String stage, double fraction, Long etaMs, int windows) {
        jobs.progress(id, stage, Math.round(fraction * 1000) / 1000.0, etaMs, windows);
        events.publish(id, JobEvent.progress(id, stage, Math.round(fraction * 1000) / 1000.0, etaMs));
    }

    private void fail(String id, String type, String detail) {
        jobs.failed(id, type, detail);
        events.publish(id, JobEvent.failed(id, type, detail));
    }

    public JobView view(String id) {
        JobRecord r = jobs.find(id).orElseThrow(() -> new NotFoundProblem("job-not-found", "No job with id " + id + "."));
        String result = r.analysisId == null ? null : analysisStore.findJson(r.analysisId).orElse(null);
        return new JobView(r.id, r.status.toLowerCase(), r.createdAt, r.updatedAt, r.mediaType, r.stage, r.progress, r.etaMs,
                r.windowsDone, r.analysisId, r.errorType == null ? null : new JobView.Error(r.errorType, r.errorDetail), result);
    }

    /** The final event of a job this process no longer follows (finished before a restart, or evicted). */
    public JobEvent finalEvent(String id) {
        JobView v = view(id);
        return switch (v.status()) {
            case "completed" -> JobEvent.completed(id, v.analysisId());
            case "failed" -> JobEvent.failed(id, v.error().type(), v.error().detail());
            default -> JobEvent.progress(id, v.stage(), v.progress(), v.etaMs());
        };
    }

    public boolean followed(String id) {
        return events.knows(id);
    }

    private Path keep(Path upload, String id) {
        try {
            Files.createDirectories(spool);
            return Files.move(upload, spool.resolve(id + ".media"), StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot spool the upload", e);
        }
    }

    @PreDestroy
    void stop() {
        executor.shutdownNow();
    }
}

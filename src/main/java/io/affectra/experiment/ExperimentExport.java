package io.affectra.experiment;

import io.affectra.eval.EvalCase;
import io.affectra.eval.EvaluationRecord;
import io.affectra.eval.EvaluationStore;
import io.affectra.eval.metrics.CaseResult;
import io.affectra.eval.metrics.DatasetFormat;
import io.affectra.llm.BackendInfo;
import io.affectra.llm.BackendRegistry;
import io.affectra.prompt.PromptCatalog;
import io.affectra.prompt.PromptTemplate;
import io.affectra.reasoning.StrategyRegistry;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.io.OutputStream;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * An experiment's trials as a download (CSV, JSONL or promptfoo's results file), finished or not. The experiment is
 * looked up when the download is asked for, so a wrong id is a 404 before any byte is sent; the trials are then read
 * page by page as they are written out, never all at once.
 */
@ApplicationScoped
public class ExperimentExport {

    /** Trials read from the store at a time. */
    static final int PAGE = 500;

    /** What to send: the file name, the media type and a body that writes itself. */
    public record Download(String fileName, String mediaType, Body body) {
    }

    @FunctionalInterface
    public interface Body {
        void writeTo(OutputStream out) throws IOException;
    }

    /** Receives the trials one by one, cell by cell in cell order, each cell's by repeat and then case. */
    @FunctionalInterface
    interface TrialSink {
        void accept(int cellIndex, Cell cell, CaseResult trial) throws IOException;
    }

    /**
     * What the writers read: the stored experiment, its cells and cases, the backends' public settings, each cell's
     * prompt text (the templates it renders), and its trials through {@link #trials}.
     */
    static final class Source {

        final EvaluationRecord record;
        final ExperimentPlanner.Planned planned;
        final Map<String, BackendInfo> backends;
        final Map<String, String> promptText;
        private final EvaluationStore store;
        private final int pageSize;

        Source(EvaluationRecord record, ExperimentPlanner.Planned planned, Map<String, BackendInfo> backends, Map<String, String> promptText,
                EvaluationStore store, int pageSize) {
            this.record = record;
            this.planned = planned;
            this.backends = backends;
            this.promptText = promptText;
            this.store = store;
            this.pageSize = pageSize;
        }

        String id() {
            return record.id;
        }

        String name() {
            return record.datasetName;
        }

        Instant createdAt() {
            return record.createdAt;
        }

        Instant completedAt() {
            return record.completedAt;
        }

        DatasetFormat format() {
            return planned.plan().format();
        }

        int repeats() {
            return planned.plan().repeats();
        }

        List<Cell> cells() {
            return planned.cells();
        }

        List<EvalCase> cases() {
            return planned.dataset().cases();
        }

        void trials(TrialSink sink) throws IOException {
            List<Cell> cells = cells();
            for (int i = 0; i < cells.size(); i++) {
                Cell cell = cells.get(i);
                int repeat = -1;
                int seq = -1;
                List<CaseResult> page;
                do {
                    page = store.after(record.id, cell.id(), repeat, seq, pageSize);
                    for (CaseResult t : page) {
                        sink.accept(i, cell, t);
                        repeat = t.trial().repeat();
                        seq = t.seq();
                    }
                } while (page.size() == pageSize);
            }
        }
    }

    private final ExperimentService experiments;
    private final EvaluationStore store;
    private final BackendRegistry backends;
    private final StrategyRegistry strategies;
    private final PromptCatalog catalog;

    public ExperimentExport(ExperimentService experiments, EvaluationStore store, BackendRegistry backends, StrategyRegistry strategies,
            PromptCatalog catalog) {
        this.experiments = experiments;
        this.store = store;
        this.backends = backends;
        this.strategies = strategies;
        this.catalog = catalog;
    }

    /** @throws io.affectra.analysis.NotFoundProblem {@code experiment-not-found} now, not once the body is being written */
    public Download download(String id, ExportFormat format) {
        return download(id, format, PAGE);
    }

    /** With trials read {@code pageSize} at a time. */
    Download download(String id, ExportFormat format, int pageSize) {
        ExperimentService.Loaded loaded = experiments.load(id);
        Map<String, BackendInfo> infos = new LinkedHashMap<>();
        backends.list().forEach(b -> infos.put(b.name(), b));
        Map<String, String> prompts = new LinkedHashMap<>();
        boolean questions = loaded.planned().plan().format().closedQuestions();
        loaded.planned().cells().forEach(c -> prompts.put(c.id(), promptText(c, questions)));
        Source source = new Source(loaded.record(), loaded.planned(), infos, prompts, store, pageSize);
        Body body = switch (format) {
            case CSV -> out -> CsvTrials.write(source, out);
            case JSONL -> out -> JsonlTrials.write(source, out);
            case PROMPTFOO -> out -> PromptfooResults.write(source, out);
        };
        return new Download(format.fileName(id), format.mediaType(), body);
    }

    /** The templates a cell renders, the variant's in place of those it replaces, each as its system and user sections. */
    private String promptText(Cell cell, boolean questions) {
        List<String> ids = strategies.get(cell.strategy()).templates(questions);
        List<String> parts = new ArrayList<>();
        for (String templateId : ids) {
            Map<String, PromptTemplate> own = cell.variant().templates();
            PromptTemplate t = own.getOrDefault(templateId, own.get(templateId.substring(0, templateId.indexOf('/'))));
            if (t == null) {
                t = catalog.get(templateId, null);
            }
            String sections = "[system]\n" + t.system().strip() + "\n[user]\n" + t.user().strip();
            parts.add(ids.size() == 1 ? sections : "--- " + templateId + " ---\n" + sections);
        }
        return String.join("\n\n", parts);
    }
}

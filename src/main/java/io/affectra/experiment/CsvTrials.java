package io.affectra.experiment;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Trials as CSV (RFC 4180): a header of {@link TrialRow#COLUMNS}, one row per trial, CRLF line ends, a field quoted
 * when it holds a comma, a quote or a line break, quotes doubled. Params are compact JSON; a missing value is empty.
 */
final class CsvTrials {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String CRLF = "\r\n";

    private CsvTrials() {
    }

    static void write(ExperimentExport.Source source, OutputStream out) throws IOException {
        Writer w = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8), 1 << 16);
        line(w, TrialRow.COLUMNS);
        source.trials((i, cell, t) -> line(w, fields(TrialRow.of(source.id(), cell, t))));
        w.flush();
    }

    static List<String> fields(TrialRow r) {
        List<String> f = new ArrayList<>(TrialRow.COLUMNS.size());
        f.add(r.experimentId());
        f.add(r.cellId());
        f.add(r.cellLabel());
        f.add(r.variant());
        f.add(r.variantSha256());
        f.add(r.backend());
        f.add(r.model());
        f.add(r.strategy());
        f.add(r.params().isEmpty() ? null : json(r.params()));
        f.add(r.ablation());
        f.add(r.caseKey());
        f.add(r.itemId());
        f.add(r.category());
        f.add(Integer.toString(r.repeat()));
        f.add(r.expected());
        f.add(r.answer());
        f.add(Boolean.toString(r.correct()));
        f.add(r.error());
        f.add(Long.toString(r.latencyMs()));
        f.add(Integer.toString(r.promptTokens()));
        f.add(Integer.toString(r.completionTokens()));
        f.add(Boolean.toString(r.cacheHit()));
        return f;
    }

    private static void line(Writer w, List<String> fields) throws IOException {
        for (int i = 0; i < fields.size(); i++) {
            if (i > 0) {
                w.write(',');
            }
            w.write(quote(fields.get(i)));
        }
        w.write(CRLF);
    }

    static String quote(String value) {
        if (value == null) {
            return "";
        }
        boolean needs = value.indexOf(',') >= 0 || value.indexOf('"') >= 0 || value.indexOf('\n') >= 0 || value.indexOf('\r') >= 0;
        return needs ? '"' + value.replace("\"", "\"\"") + '"' : value;
    }

    private static String json(Map<String, Object> value) {
        try {
            return JSON.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}

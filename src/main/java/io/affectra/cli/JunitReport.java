package io.affectra.cli;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.StringWriter;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

/**
 * An experiment as JUnit XML, the report format every CI system shows: one test case per gate (a failed gate is a
 * {@code <failure>} listing what failed it), one per cell whose trials had errors (an {@code <error>}: the backend did
 * not answer, which no gate measures), and, when the run did not complete, one for the run itself.
 */
final class JunitReport {

    private record Case(String classname, String name, String kind, String message, String text) {
    }

    private JunitReport() {
    }

    static String of(JsonNode view) {
        String name = view.path("name").asText("experiment");
        List<Case> cases = new ArrayList<>();
        String status = view.path("status").asText();
        if (!"completed".equals(status)) {
            String why = view.hasNonNull("error") ? view.path("error").asText() : "the experiment is " + status;
            cases.add(new Case(name, "experiment completes", "error", "experiment " + status, why));
        }
        for (JsonNode g : view.path("gates")) {
            List<String> failures = new ArrayList<>();
            g.path("failures").forEach(f -> failures.add(f.asText()));
            cases.add(g.path("passed").asBoolean() ? new Case(name + ".gates", g.path("gate").asText(), null, null, null)
                    : new Case(name + ".gates", g.path("gate").asText(), "failure",
                            failures.size() == 1 ? failures.get(0) : failures.size() + " failures", String.join("\n", failures)));
        }
        for (JsonNode c : view.path("cells")) {
            int errors = c.path("errors").asInt();
            if (errors > 0) {
                String message = String.format(Locale.ROOT, "%d of %d trials failed", errors, c.path("trials").asInt());
                cases.add(new Case(name + ".cells", c.path("id").asText() + " " + c.path("label").asText(), "error", message,
                        message + " (the backend gave no answer after its retries); the failed cases: GET /v1/experiments/"
                                + view.path("id").asText() + "/matrix"));
            }
        }
        try {
            return write(view, name, cases);
        } catch (XMLStreamException e) {
            throw new IllegalStateException("cannot write the JUnit report", e);
        }
    }

    private static String write(JsonNode view, String name, List<Case> cases) throws XMLStreamException {
        long failures = cases.stream().filter(c -> "failure".equals(c.kind())).count();
        long errors = cases.stream().filter(c -> "error".equals(c.kind())).count();
        StringWriter text = new StringWriter();
        XMLStreamWriter xml = XMLOutputFactory.newFactory().createXMLStreamWriter(text);
        xml.writeStartDocument("UTF-8", "1.0");
        xml.writeCharacters("\n");
        xml.writeStartElement("testsuites");
        xml.writeAttribute("name", "affectra experiment " + name);
        counts(xml, cases.size(), failures, errors);
        xml.writeCharacters("\n  ");
        xml.writeStartElement("testsuite");
        xml.writeAttribute("name", name);
        counts(xml, cases.size(), failures, errors);
        xml.writeAttribute("skipped", "0");
        String time = seconds(view.path("createdAt").asText(null), view.path("completedAt").asText(null));
        if (time != null) {
            xml.writeAttribute("time", time);
        }
        if (view.hasNonNull("createdAt")) {
            xml.writeAttribute("timestamp", view.path("createdAt").asText());
        }
        xml.writeCharacters("\n    ");
        xml.writeStartElement("properties");
        property(xml, "experiment", view.path("id").asText());
        property(xml, "status", view.path("status").asText());
        property(xml, "format", view.path("format").asText());
        property(xml, "baseline", view.path("baseline").asText());
        property(xml, "dataset.sha256", view.path("dataset").path("sha256").asText());
        xml.writeCharacters("\n    ");
        xml.writeEndElement();
        for (Case c : cases) {
            xml.writeCharacters("\n    ");
            if (c.kind() == null) {
                xml.writeEmptyElement("testcase");
                testcase(xml, c);
                continue;
            }
            xml.writeStartElement("testcase");
            testcase(xml, c);
            xml.writeCharacters("\n      ");
            xml.writeStartElement(c.kind());
            xml.writeAttribute("message", c.message());
            xml.writeAttribute("type", c.kind().equals("failure") ? "gate" : "experiment-error");
            xml.writeCharacters(c.text());
            xml.writeEndElement();
            xml.writeCharacters("\n    ");
            xml.writeEndElement();
        }
        xml.writeCharacters("\n  ");
        xml.writeEndElement();
        xml.writeCharacters("\n");
        xml.writeEndElement();
        xml.writeCharacters("\n");
        xml.writeEndDocument();
        xml.close();
        return text.toString();
    }

    private static void counts(XMLStreamWriter xml, int tests, long failures, long errors) throws XMLStreamException {
        xml.writeAttribute("tests", Integer.toString(tests));
        xml.writeAttribute("failures", Long.toString(failures));
        xml.writeAttribute("errors", Long.toString(errors));
    }

    private static void testcase(XMLStreamWriter xml, Case c) throws XMLStreamException {
        xml.writeAttribute("classname", c.classname());
        xml.writeAttribute("name", c.name());
    }

    private static void property(XMLStreamWriter xml, String name, String value) throws XMLStreamException {
        xml.writeCharacters("\n      ");
        xml.writeEmptyElement("property");
        xml.writeAttribute("name", name);
        xml.writeAttribute("value", value);
    }

    private static String seconds(String from, String to) {
        if (from == null || to == null) {
            return null;
        }
        try {
            return String.format(Locale.ROOT, "%.3f", Duration.between(Instant.parse(from), Instant.parse(to)).toMillis() / 1000.0);
        } catch (DateTimeParseException e) {
            return null;
        }
    }
}

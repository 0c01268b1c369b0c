package io.affectra.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Iterator;
import java.util.stream.Stream;

/**
 * The commands' HTTP to an Affectra server: JSON requests, a bearer key when one is given, problem+json refusals read
 * for their detail, and a run's server-sent events read to their end.
 */
final class ServerClient {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** A finished exchange: the status and the body as text. */
    record Reply(int status, String body) {

        boolean ok() {
            return status / 100 == 2;
        }

        JsonNode json() throws IOException {
            return JSON.readTree(body);
        }

        /** What went wrong, for a person: the problem's detail (or title), else the body as it came. */
        String problem() {
            JsonNode p = parsed();
            if (p == null || !p.isObject()) {
                return body == null || body.isBlank() ? "(no body)" : body.strip();
            }
            String text = p.hasNonNull("detail") ? p.path("detail").asText()
                    : p.hasNonNull("title") ? p.path("title").asText() : p.path("error").path("message").asText(body.strip());
            String type = p.path("type").asText("");
            String slug = type.contains(":") ? type.substring(type.lastIndexOf(':') + 1) : p.path("error").path("code").asText("");
            return slug.isEmpty() ? text : slug + ": " + text;
        }

        private JsonNode parsed() {
            try {
                return JSON.readTree(body);
            } catch (IOException e) {
                return null;
            }
        }
    }

    /** One server-sent event: its name ({@code message} when unnamed) and its JSON data. */
    interface EventHandler {
        void on(String event, JsonNode data);
    }

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    private final String url;
    private final String apiKey;

    /** @param apiKey sent as {@code Authorization: Bearer}; null or blank for a server without keys */
    ServerClient(String url, String apiKey) {
        this.url = url.replaceAll("/+$", "");
        this.apiKey = apiKey == null || apiKey.isBlank() ? null : apiKey.strip();
    }

    String url() {
        return url;
    }

    Reply get(String path) throws IOException, InterruptedException {
        return send(request(path).GET());
    }

    Reply post(String path, String contentType, byte[] body) throws IOException, InterruptedException {
        return send(request(path).header("Content-Type", contentType).POST(HttpRequest.BodyPublishers.ofByteArray(body)));
    }

    /**
     * Reads the stream until the server closes it, handing every event on.
     *
     * @return the data of the last event not named {@code progress} (how the run ended), or null when there was none
     *         (the stream broke off, or the server refused it: ask for the run's state instead)
     */
    JsonNode events(String path, EventHandler handler) throws IOException, InterruptedException {
        HttpResponse<Stream<String>> stream = http.send(request(path).header("Accept", "text/event-stream").GET().build(),
                HttpResponse.BodyHandlers.ofLines());
        String event = "message";
        StringBuilder data = new StringBuilder();
        JsonNode last = null;
        try (Stream<String> lines = stream.body()) {
            if (stream.statusCode() != 200) {
                return null;
            }
            Iterator<String> it = lines.iterator();
            while (it.hasNext()) {
                String line = it.next();
                if (line.startsWith("event:")) {
                    event = line.substring(6).strip();
                } else if (line.startsWith("data:")) {
                    data.append(line.substring(5).strip());
                } else if (line.isEmpty() && !data.isEmpty()) {
                    JsonNode node = JSON.readTree(data.toString());
                    data.setLength(0);
                    handler.on(event, node);
                    if (!event.equals("progress")) {
                        last = node;
                    }
                    event = "message";
                }
            }
        }
        return last;
    }

    private HttpRequest.Builder request(String path) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(url + path));
        if (apiKey != null) {
            b.header("Authorization", "Bearer " + apiKey);
        }
        return b;
    }

    private Reply send(HttpRequest.Builder request) throws IOException, InterruptedException {
        HttpResponse<String> r = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        return new Reply(r.statusCode(), r.body());
    }
}

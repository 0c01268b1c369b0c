package io.affectra.experiment;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.affectra.analysis.InvalidRequestException;
import io.affectra.eval.metrics.DatasetFormat;
import io.affectra.llm.BackendInfo;
import io.affectra.llm.BackendKind;
import io.affectra.llm.BackendRegistry;
import io.affectra.llm.OpenAiBackendFactory;
import io.affectra.prompt.PromptCatalog;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * A promptfoo config (promptfooconfig.yaml, or its JSON) as an experiment spec and its dataset, without running
 * anything. Prompts become inline variants of {@code emotion/direct}, tests become label items, {@code openai:chat}
 * providers become the configured backends that talk to the same server and model. Whatever has no faithful
 * counterpart is left out and listed with the reason, never approximated.
 */
@ApplicationScoped
public class PromptfooImport {

    /** Inline variants extend this template: its variables are those a prompt may use. */
    static final String BASE = "emotion/direct";

    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern LABEL = Pattern.compile("[a-z][a-z_-]{0,31}");
    private static final Set<String> TEXT_VARS = Set.of("text", "transcript");
    private static final Set<String> MEDIA_VARS = Set.of("image", "media", "video", "audio");
    private static final Set<String> LABEL_ASSERTIONS = Set.of("equals", "icontains", "contains");
    private static final Map<String, String> ASSERTIONS = Map.of(
            "regex", "Affectra scores the parsed answer against the expected label exactly; it does not match the reply's text against a pattern",
            "is-json", "Affectra always asks for its answer schema and counts a reply it cannot parse as unparseable; there is nothing to assert",
            "llm-rubric", "Affectra's only model-graded score is the EMER judge of open reasoning against a reference (format open), not a free "
                    + "rubric");
    private static final Map<String, String> TOP_LEVEL = Map.of(
            "defaultTest", "Affectra items have no shared defaults; put its vars and assertions into each test",
            "scenarios", "scenarios (groups of vars crossed with tests) have no counterpart; list the tests one by one",
            "outputPath", "Affectra keeps results on the server; GET /v1/experiments/{id}/export downloads them",
            "env", "backends read their settings (keys included) from affectra.backends.<name>.*, not from the config",
            "sharing", "nothing is shared anywhere; results stay on this server");

    /** A part of the config that was left out. {@code settings}: for a provider, what would configure a matching backend. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Unsupported(String path, String reason, Map<String, String> settings) {

        Unsupported(String path, String reason) {
            this(path, reason, null);
        }
    }

    /** @param dataset the items as JSONL, to send as the {@code dataset} part with the spec */
    public record Imported(ExperimentSpec spec, String dataset, List<Unsupported> unsupported) {
    }

    private final BackendRegistry backends;
    private final PromptCatalog catalog;
    private final VariantResolver variants;

    public PromptfooImport(BackendRegistry backends, PromptCatalog catalog, VariantResolver variants) {
        this.backends = backends;
        this.catalog = catalog;
        this.variants = variants;
    }

    /**
     * @param mediaDir where the tests' media paths resolve (the spec's {@code mediaDir}), or null
     * @throws InvalidRequestException {@code invalid-experiment} when the text is not a YAML or JSON mapping
     */
    public Imported read(String text, String mediaDir) {
        JsonNode config = parse(text);
        List<Unsupported> unsupported = new ArrayList<>();
        String name = null;
        List<VariantSpec> prompts = List.of();
        List<String> backendNames = List.of();
        List<String> items = List.of();
        Integer repeats = null;
        Integer concurrency = null;
        for (Iterator<Map.Entry<String, JsonNode>> it = config.fields(); it.hasNext();) {
            Map.Entry<String, JsonNode> field = it.next();
            JsonNode value = field.getValue();
            switch (field.getKey()) {
                case "description" -> name = value.isTextual() ? value.asText() : null;
                case "prompts" -> prompts = prompts(value, unsupported);
                case "providers" -> backendNames = providers(value, unsupported);
                case "tests" -> items = tests(value, unsupported);
                case "evaluateOptions" -> {
                    for (Iterator<Map.Entry<String, JsonNode>> o = value.fields(); o.hasNext();) {
                        Map.Entry<String, JsonNode> option = o.next();
                        String path = "evaluateOptions." + option.getKey();
                        if (option.getKey().equals("repeat") && option.getValue().canConvertToInt()) {
                            repeats = option.getValue().asInt();
                        } else if (option.getKey().equals("maxConcurrency") && option.getValue().canConvertToInt()) {
                            concurrency = option.getValue().asInt();
                        } else {
                            unsupported.add(new Unsupported(path, "no counterpart; of the evaluate options only repeat (repeats) and "
                                    + "maxConcurrency (concurrency) map"));
                        }
                    }
                }
                default -> unsupported.add(new Unsupported(field.getKey(), TOP_LEVEL.getOrDefault(field.getKey(), "no Affectra counterpart")));
            }
        }
        ExperimentSpec spec = new ExperimentSpec(name == null || name.isBlank() ? "promptfoo import" : name, null, DatasetFormat.LABEL,
                mediaDir == null || mediaDir.isBlank() ? null : mediaDir, null, null, prompts.isEmpty() ? null : prompts,
                backendNames.isEmpty() ? null : backendNames, null, null, null, repeats, null, concurrency, null, null, null, null);
        return new Imported(spec, items.isEmpty() ? "" : String.join("\n", items) + "\n", List.copyOf(unsupported));
    }

    private static JsonNode parse(String text) {
        if (text == null || text.isBlank()) {
            throw new InvalidRequestException("invalid-experiment", "The promptfoo config is empty: send promptfooconfig.yaml (or its JSON).");
        }
        JsonNode node;
        try {
            node = YAML.readTree(text);
        } catch (JsonProcessingException e) {
            String at = e.getLocation() == null ? "" : " (line " + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr() + ")";
            throw new InvalidRequestException("invalid-experiment", "The promptfoo config is not valid YAML or JSON" + at + ": "
                    + e.getOriginalMessage());
        }
        if (node == null || !node.isObject()) {
            throw new InvalidRequestException("invalid-experiment", "A promptfoo config is a mapping (prompts, providers, tests, ...).");
        }
        return node;
    }

    // ---- prompts -> inline variants

    private List<VariantSpec> prompts(JsonNode node, List<Unsupported> out) {
        record Entry(String path, String id, String label, String raw) {
        }
        List<Entry> entries = new ArrayList<>();
        if (node.isTextual()) {
            entries.add(new Entry("prompts", null, null, node.asText()));
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                JsonNode p = node.get(i);
                String path = "prompts[" + i + "]";
                if (p.isTextual()) {
                    entries.add(new Entry(path, null, null, p.asText()));
                } else if (p.isObject()) {
                    for (Iterator<String> keys = p.fieldNames(); keys.hasNext();) {
                        String key = keys.next();
                        if (!Set.of("id", "label", "raw").contains(key)) {
                            out.add(new Unsupported(path + "." + key, "no counterpart; a prompt maps by its id, label and raw text"));
                        }
                    }
                    entries.add(new Entry(path, text(p, "id"), text(p, "label"), text(p, "raw")));
                } else {
                    out.add(new Unsupported(path, "a prompt is a string or an object with id, label and raw"));
                }
            }
        } else if (node.isObject()) {
            // promptfoo's map form: prompt (usually a file) -> label.
            for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext();) {
                Map.Entry<String, JsonNode> e = it.next();
                entries.add(new Entry("prompts." + e.getKey(), null, e.getValue().isTextual() ? e.getValue().asText() : null, e.getKey()));
            }
        } else {
            out.add(new Unsupported("prompts", "prompts are a string, a list or a map"));
        }
        Set<String> variables = new LinkedHashSet<>(catalog.get(BASE, null).variables());
        Set<String> ids = new LinkedHashSet<>();
        List<VariantSpec> result = new ArrayList<>();
        for (int n = 0; n < entries.size(); n++) {
            Entry e = entries.get(n);
            String source = e.raw() != null ? e.raw() : e.id();
            if (source == null) {
                out.add(new Unsupported(e.path(), "a prompt object needs its text in raw"));
                continue;
            }
            if (source.strip().startsWith("file://")) {
                out.add(new Unsupported(e.path(), "file:// prompts are files next to the promptfoo config, which this server does not read; "
                        + "put the text inline"));
                continue;
            }
            String[] sections = sections(source);
            if (sections == null) {
                out.add(new Unsupported(e.path(), "a chat prompt maps only with at most one system and one user message, each plain text"));
                continue;
            }
            String system = null;
            String user = null;
            List<String> problems = new ArrayList<>();
            if (sections[0] != null) {
                NunjucksTemplate.Translation t = NunjucksTemplate.translate(sections[0], variables);
                system = t.qute();
                problems.addAll(t.problems());
            }
            if (sections[1] != null) {
                NunjucksTemplate.Translation t = NunjucksTemplate.translate(sections[1], variables);
                user = t.qute();
                problems.addAll(t.problems());
            }
            if (!problems.isEmpty()) {
                out.add(new Unsupported(e.path(), String.join("; ", problems)));
                continue;
            }
            String named = slug(e.label() != null ? e.label() : e.id() != null ? e.id() : "");
            String id = unique("emotion/" + (named.isEmpty() ? "promptfoo-" + (n + 1) : named), ids);
            VariantSpec variant = VariantSpec.inline(null, id, BASE, system, user, null);
            try {
                variants.resolve(variant);
            } catch (InvalidRequestException ex) {
                out.add(new Unsupported(e.path(), "as a variant of " + BASE + " it does not render: " + ex.getMessage()));
                continue;
            }
            result.add(variant);
        }
        return result;
    }

    /**
     * A prompt's system and user text: plain text is the user message; promptfoo's chat form (a JSON list of
     * {@code {role, content}}) gives each. Null when the chat form has other roles, repeats one or has non-text content.
     */
    private static String[] sections(String raw) {
        String trimmed = raw.strip();
        if (!trimmed.startsWith("[")) {
            return new String[] {null, raw};
        }
        JsonNode messages;
        try {
            messages = JSON.readTree(trimmed);
        } catch (JsonProcessingException e) {
            return new String[] {null, raw};
        }
        String[] out = new String[2];
        for (JsonNode m : messages) {
            String role = text(m, "role");
            String content = text(m, "content");
            int slot = "system".equals(role) ? 0 : "user".equals(role) ? 1 : -1;
            if (slot < 0 || content == null || out[slot] != null) {
                return null;
            }
            out[slot] = content;
        }
        return out;
    }

    // ---- providers -> configured backends

    private List<String> providers(JsonNode node, List<Unsupported> out) {
        List<JsonNode> list = new ArrayList<>();
        if (node.isArray()) {
            node.forEach(list::add);
        } else {
            list.add(node);
        }
        Set<String> names = new LinkedHashSet<>();
        for (int i = 0; i < list.size(); i++) {
            String path = node.isArray() ? "providers[" + i + "]" : "providers";
            JsonNode p = list.get(i);
            String id;
            String label = null;
            JsonNode options = null;
            if (p.isTextual()) {
                id = p.asText();
            } else if (p.isObject() && p.has("id")) {
                id = text(p, "id");
                label = text(p, "label");
                options = p.get("config");
                for (Iterator<String> keys = p.fieldNames(); keys.hasNext();) {
                    String key = keys.next();
                    if (!Set.of("id", "label", "config").contains(key)) {
                        out.add(new Unsupported(path + "." + key, "no counterpart; a provider maps by its id and config.apiBaseUrl"));
                    }
                }
            } else if (p.isObject() && p.size() == 1) {
                // The map form: {"openai:chat:gpt-4o-mini": {label, config}}.
                Map.Entry<String, JsonNode> only = p.fields().next();
                id = only.getKey();
                label = text(only.getValue(), "label");
                options = only.getValue().get("config");
            } else {
                out.add(new Unsupported(path, "a provider is an id or an object with id, label and config"));
                continue;
            }
            if (id == null || !id.startsWith("openai:chat:") || id.length() == "openai:chat:".length()) {
                out.add(new Unsupported(path, "only openai:chat:<model> providers map (to OpenAI-compatible backends); " + id + " has no counterpart"));
                continue;
            }
            String model = id.substring("openai:chat:".length());
            String baseUrl = options != null && options.hasNonNull("apiBaseUrl") ? options.get("apiBaseUrl").asText()
                    : OpenAiBackendFactory.DEFAULT_BASE_URL;
            BackendInfo match = match(model, baseUrl, label);
            if (match == null) {
                String wanted = slug(label != null ? label : model).replace('.', '-').replace('+', '-');
                String name = unique(wanted.isEmpty() ? "promptfoo" : wanted, new LinkedHashSet<>(backends.names()));
                String keyVariable = options != null && options.hasNonNull("apiKeyEnvar") ? options.get("apiKeyEnvar").asText() : "OPENAI_API_KEY";
                Map<String, String> settings = new LinkedHashMap<>();
                settings.put("affectra.backends." + name + ".kind", "openai");
                settings.put("affectra.backends." + name + ".base-url", trim(baseUrl));
                settings.put("affectra.backends." + name + ".model", model);
                settings.put("affectra.backends." + name + ".api-key", "${" + keyVariable + "}");
                out.add(new Unsupported(path, "no configured backend talks to " + trim(baseUrl) + " with model " + model
                        + "; these settings would add one (then import again, or name it in the spec's backends)", settings));
                continue;
            }
            names.add(match.name());
            if (options != null) {
                for (Iterator<String> keys = options.fieldNames(); keys.hasNext();) {
                    String key = keys.next();
                    if (Set.of("apiBaseUrl", "apiKey", "apiKeyEnvar").contains(key)) {
                        continue;
                    }
                    String reason = Set.of("temperature", "seed", "max_tokens").contains(key)
                            ? "set it for every cell with the spec's params (params." + key + ": [...])"
                            : "backend '" + match.name() + "' uses its own settings (affectra.backends." + match.name() + ".*)";
                    out.add(new Unsupported(path + ".config." + key, reason));
                }
            }
        }
        return List.copyOf(names);
    }

    /** A configured OpenAI-compatible backend with this model and base URL; one named like the provider's label first. */
    private BackendInfo match(String model, String baseUrl, String label) {
        List<BackendInfo> found = backends.list().stream()
                .filter(b -> b.kind() == BackendKind.OPENAI && model.equals(b.model()) && b.baseUrl() != null && trim(b.baseUrl()).equals(trim(baseUrl)))
                .toList();
        return found.stream().filter(b -> b.name().equals(label)).findFirst().orElse(found.isEmpty() ? null : found.get(0));
    }

    // ---- tests -> label items

    private List<String> tests(JsonNode node, List<Unsupported> out) {
        if (!node.isArray()) {
            out.add(new Unsupported("tests", node.isTextual() ? "tests from a file (" + node.asText() + ") are not read; list them inline"
                    : "tests are a list"));
            return List.of();
        }
        Set<String> ids = new LinkedHashSet<>();
        List<String> lines = new ArrayList<>();
        for (int i = 0; i < node.size(); i++) {
            String path = "tests[" + i + "]";
            JsonNode test = node.get(i);
            if (!test.isObject()) {
                out.add(new Unsupported(path, test.isTextual() ? "tests from a file are not read; list them inline" : "a test is an object"));
                continue;
            }
            String media = null;
            String text = null;
            String label = null;
            String category = null;
            for (Iterator<Map.Entry<String, JsonNode>> it = test.fields(); it.hasNext();) {
                Map.Entry<String, JsonNode> f = it.next();
                switch (f.getKey()) {
                    case "description" -> {
                    }
                    case "metadata" -> category = text(f.getValue(), "category");
                    case "vars" -> {
                        if (!f.getValue().isObject()) {
                            out.add(new Unsupported(path + ".vars", "vars map only when written inline as a mapping"));
                        }
                        for (Iterator<Map.Entry<String, JsonNode>> v = f.getValue().fields(); v.hasNext();) {
                            Map.Entry<String, JsonNode> var = v.next();
                            String at = path + ".vars." + var.getKey();
                            String value = var.getValue().isValueNode() && !var.getValue().isNull() ? var.getValue().asText() : null;
                            if (value == null) {
                                out.add(new Unsupported(at, var.getValue().isArray()
                                        ? "a list var makes several tests in promptfoo; write them as separate tests" : "a var maps only as text"));
                            } else if (TEXT_VARS.contains(var.getKey())) {
                                if (text != null) {
                                    out.add(new Unsupported(at, "an item has one text; the first text/transcript var is kept"));
                                } else {
                                    text = value;
                                }
                            } else if (MEDIA_VARS.contains(var.getKey())) {
                                String file = value.startsWith("file://") ? value.substring("file://".length()) : value;
                                if (file.matches("(?i)(https?|data):.*")) {
                                    out.add(new Unsupported(at, "media must be a file under the media root (affectra.eval.media-root), not a URL"));
                                } else if (media != null) {
                                    out.add(new Unsupported(at, "an item has one media file; the first image/media/video/audio var is kept"));
                                } else {
                                    media = file;
                                }
                            } else {
                                out.add(new Unsupported(at, "an item carries media (image, media, video, audio) and text (text, transcript) only"));
                            }
                        }
                    }
                    case "assert" -> label = assertions(f.getValue(), path + ".assert", out);
                    default -> out.add(new Unsupported(path + "." + f.getKey(), "no counterpart in a dataset item"));
                }
            }
            if (label == null) {
                out.add(new Unsupported(path, "left out: no equals, icontains or contains assertion names the expected label"));
                continue;
            }
            if (media == null && text == null) {
                out.add(new Unsupported(path, "left out: no media (image, media, video, audio) or text (text, transcript) var"));
                continue;
            }
            String description = text(test, "description");
            ObjectNode item = JSON.createObjectNode();
            item.put("id", unique(description != null && !slug(description).isEmpty() ? slug(description) : "test-" + (i + 1), ids));
            if (media != null) {
                item.put("media", media);
            }
            if (text != null) {
                item.put("text", text);
            }
            item.put("label", label);
            if (category != null) {
                item.put("category", category);
            }
            lines.add(item.toString());
        }
        return lines;
    }

    /** The expected label from the first equals/icontains/contains assertion; every other assertion is listed as left out. */
    private static String assertions(JsonNode node, String path, List<Unsupported> out) {
        String label = null;
        if (!node.isArray()) {
            out.add(new Unsupported(path, "assertions map only as a list"));
            return null;
        }
        for (int j = 0; j < node.size(); j++) {
            JsonNode a = node.get(j);
            String at = path + "[" + j + "]";
            String type = text(a, "type");
            if (type == null) {
                out.add(new Unsupported(at, "an assertion without a type"));
            } else if (LABEL_ASSERTIONS.contains(type)) {
                String value = a.path("value").isTextual() ? a.get("value").asText().strip().toLowerCase(Locale.ROOT) : null;
                if (value == null || !LABEL.matcher(value).matches()) {
                    out.add(new Unsupported(at, type + " maps when its value is one label (lowercase letters, '-' or '_')"));
                } else if (label == null) {
                    label = value;
                } else if (!label.equals(value)) {
                    out.add(new Unsupported(at, "an item has one expected label; '" + label + "' is kept"));
                }
            } else if (type.startsWith("not-")) {
                out.add(new Unsupported(at, type + ": an item states the label it expects, not the ones it does not"));
            } else {
                out.add(new Unsupported(at, type + ": " + ASSERTIONS.getOrDefault(type, "no counterpart; items are scored on their expected label")));
            }
        }
        return label;
    }

    // ---- helpers

    private static String text(JsonNode node, String field) {
        JsonNode v = node == null ? null : node.get(field);
        return v != null && v.isTextual() ? v.asText() : null;
    }

    private static String trim(String url) {
        String u = url.strip();
        while (u.endsWith("/")) {
            u = u.substring(0, u.length() - 1);
        }
        return u;
    }

    /** Lowercase letters, digits, '.', '+' and '-': what a variant's name and an item's id may hold. */
    static String slug(String text) {
        String s = text.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9.+-]+", "-").replaceAll("-{2,}", "-").replaceAll("^[-.]+|[-.]+$", "");
        return s.length() > 48 ? s.substring(0, 48).replaceAll("[-.]+$", "") : s;
    }

    private static String unique(String wanted, Set<String> taken) {
        String name = wanted;
        for (int n = 2; !taken.add(name); n++) {
            name = wanted + "-" + n;
        }
        return name;
    }
}

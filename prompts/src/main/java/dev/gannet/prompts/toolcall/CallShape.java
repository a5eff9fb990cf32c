package dev.gannet.prompts.toolcall;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.MissingNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * How a call looks as JSON, in the shapes models write: {@code {"name", "arguments"}} (Hermes,
 * Qwen, Mistral, Phi-4), {@code {"name", "parameters"}} (Llama 3) and OpenAI's
 * {@code {"type": "function", "function": {...}}}. Lists of calls are read element by element.
 */
final class CallShape {
    /** The only keys a JSON object written outside call markers may have to be read as a call. */
    static final Set<String> CALL_KEYS = Set.of("name", "arguments", "parameters", "type", "id", "function");

    private static final Pattern NAME_IN_BROKEN_JSON = Pattern.compile("\"name\"\\s*:\\s*\"([^\"\\\\]{1,128})\"");

    private CallShape() {
    }

    /** Reads the JSON text between call markers: one call, a list of calls, or an error. */
    static List<Candidate> readJson(String json) {
        return switch (JsonText.parse(json.strip())) {
            case JsonText.Invalid invalid -> List.of(invalidJson(json, invalid.problem()));
            case JsonText.Valid valid -> read(valid.value());
        };
    }

    /** One call per object; a list gives one per element. */
    static List<Candidate> read(JsonNode value) {
        if (value.isArray()) {
            List<Candidate> candidates = new ArrayList<>();
            value.forEach(element -> candidates.add(readOne(element)));
            if (candidates.isEmpty()) {
                candidates.add(broken(ToolCallError.Kind.MALFORMED_CALL, Optional.empty(),
                        "a tool call list was empty"));
            }
            return candidates;
        }
        return List.of(readOne(value));
    }

    private static Candidate readOne(JsonNode value) {
        if (!value.isObject()) {
            return broken(ToolCallError.Kind.MALFORMED_CALL, Optional.empty(),
                    "a tool call must be a JSON object with a \"name\" and \"arguments\", not " + value);
        }
        JsonNode call = value.path("function").isObject() ? value.get("function") : value;
        JsonNode name = call.get("name");
        if (name == null || !name.isTextual() || name.textValue().isBlank()) {
            return broken(ToolCallError.Kind.MALFORMED_CALL, Optional.empty(),
                    "a tool call had no \"name\" (write {\"name\": \"TOOL\", \"arguments\": {...}})");
        }
        JsonNode arguments = call.has("arguments") ? call.get("arguments")
                : call.has("parameters") ? call.get("parameters")
                : MissingNode.getInstance();
        return new Candidate.Named(name.textValue(), arguments);
    }

    /**
     * Whether JSON written without call markers (bare, or in a code fence) is meant as calls: an
     * object of call keys only, with a name, or a non-empty list of those. Anything else is answer
     * text that happens to be JSON.
     */
    static boolean looksLikeCalls(JsonNode value) {
        if (value.isArray()) {
            if (value.isEmpty()) {
                return false;
            }
            for (JsonNode element : value) {
                if (!looksLikeCall(element)) {
                    return false;
                }
            }
            return true;
        }
        return looksLikeCall(value);
    }

    private static boolean looksLikeCall(JsonNode value) {
        if (!value.isObject()) {
            return false;
        }
        for (String key : (Iterable<String>) value::fieldNames) {
            if (!CALL_KEYS.contains(key)) {
                return false;
            }
        }
        JsonNode call = value.path("function").isObject() ? value.get("function") : value;
        return call.path("name").isTextual();
    }

    /** The names of the calls in a value {@link #looksLikeCalls} accepted. */
    static List<String> names(JsonNode value) {
        List<String> names = new ArrayList<>();
        for (JsonNode element : value.isArray() ? value : List.of(value)) {
            JsonNode call = element.path("function").isObject() ? element.get("function") : element;
            names.add(call.path("name").asText());
        }
        return names;
    }

    /** A JSON error, naming the tool when the broken text still shows it. */
    static Candidate invalidJson(String json, String problem) {
        Matcher matcher = NAME_IN_BROKEN_JSON.matcher(json);
        Optional<String> name = matcher.find() ? Optional.of(matcher.group(1)) : Optional.empty();
        String subject = name.map(n -> "the call to " + n).orElse("a tool call");
        return broken(ToolCallError.Kind.INVALID_JSON, name, subject + " was not valid JSON: " + problem);
    }

    static Candidate broken(ToolCallError.Kind kind, Optional<String> name, String message) {
        return new Candidate.Broken(kind, name, message);
    }
}

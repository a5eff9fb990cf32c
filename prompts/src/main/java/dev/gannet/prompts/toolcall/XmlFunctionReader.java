package dev.gannet.prompts.toolcall;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.util.Optional;

/**
 * Reads one {@code <function=NAME>…</function>} element, as Qwen3-Coder writes it:
 *
 * <pre>
 * &lt;function=read_file&gt;
 * &lt;parameter=path&gt;
 * src/main.py
 * &lt;/parameter&gt;
 * &lt;/function&gt;
 * </pre>
 *
 * A parameter's value is its text with one leading and one trailing newline removed. Values are
 * strings unless the tool's schema gives the parameter another type (integer, object, …), in which
 * case they are read as JSON; without a schema they stay strings. Functionary's variant, a JSON
 * object between the tags ({@code <function=NAME>{"path": "a"}</function>}), is read too.
 *
 * <p>At the end of input a missing {@code </parameter>} or {@code </function>} is forgiven: models
 * often stop right before the closing tags.
 */
final class XmlFunctionReader {
    static final String OPEN = "<function=";
    private static final String CLOSE = "</function>";
    private static final String PARAMETER = "<parameter=";
    private static final String PARAMETER_CLOSE = "</parameter>";

    private XmlFunctionReader() {
    }

    /** How far the element reaches, and what it says. */
    sealed interface Reading {
    }

    /** The element is not whole yet. */
    record Incomplete() implements Reading {
    }

    /** The element ends at {@code end}. */
    record Read(int end, Candidate candidate) implements Reading {
    }

    private static final Reading INCOMPLETE = new Incomplete();

    /** Reads the element that begins at {@code start} (at {@code <function=}). */
    static Reading read(CharSequence text, int start, DeclaredTools tools, boolean endOfInput) {
        int nameStart = start + OPEN.length();
        int gt = tagEnd(text, nameStart);
        if (gt == text.length()) {
            return endOfInput ? new Read(gt, broken(Optional.empty(), "a <function=…> tag was cut off")) : INCOMPLETE;
        }
        String name = gt < 0 ? "" : Text.slice(text, nameStart, gt).strip();
        if (name.isEmpty()) {
            int end = gt < 0 ? nameStart : gt + 1;
            return new Read(end, broken(Optional.empty(), "a <function=…> tag had no tool name"));
        }
        ObjectNode arguments = JsonNodeFactory.instance.objectNode();
        Optional<String> tool = Optional.of(name);
        int p = gt + 1;
        while (true) {
            int q = Text.skipWhitespace(text, p);
            if (q == text.length()) {
                return endOfInput ? new Read(p, new Candidate.Named(name, arguments)) : INCOMPLETE;
            }
            if (Text.startsWith(text, q, CLOSE)) {
                return new Read(q + CLOSE.length(), new Candidate.Named(name, arguments));
            }
            if (Text.startsWith(text, q, PARAMETER)) {
                int keyStart = q + PARAMETER.length();
                int keyEnd = tagEnd(text, keyStart);
                if (keyEnd == text.length()) {
                    return endOfInput
                            ? new Read(keyEnd, broken(tool, "the call to " + name + " was cut off inside a <parameter=…> tag"))
                            : INCOMPLETE;
                }
                if (keyEnd < 0) {
                    return new Read(keyStart, broken(tool, "the call to " + name + " had a broken <parameter=…> tag"));
                }
                String key = Text.slice(text, keyStart, keyEnd).strip();
                int valueStart = keyEnd + 1;
                int searchFrom = valueStart;
                if (takesJson(name, key, tools)) {
                    // A JSON value may hold "</parameter>" inside a string: look for the tag after the value.
                    int jsonEnd = jsonValueEnd(text, Text.skipWhitespace(text, valueStart));
                    if (jsonEnd == INCOMPLETE_VALUE && !endOfInput) {
                        return INCOMPLETE;
                    }
                    searchFrom = Math.max(searchFrom, jsonEnd);
                }
                int close = Text.indexOf(text, PARAMETER_CLOSE, searchFrom);
                int valueEnd;
                if (close >= 0) {
                    valueEnd = close;
                    p = close + PARAMETER_CLOSE.length();
                } else if (!endOfInput) {
                    return INCOMPLETE;
                } else {
                    int functionClose = Text.indexOf(text, CLOSE, valueStart);
                    valueEnd = functionClose >= 0 ? functionClose : text.length();
                    p = valueEnd;
                }
                arguments.set(key, typed(name, key, trimNewlines(Text.slice(text, valueStart, valueEnd)), tools));
                continue;
            }
            if (text.charAt(q) == '{') {
                // Functionary: the arguments as one JSON object.
                JsonExtent extent = JsonExtent.of(text, q);
                if (extent.state() == JsonExtent.State.INCOMPLETE) {
                    return endOfInput
                            ? new Read(text.length(), broken(tool, "the call to " + name + " was cut off before its JSON ended"))
                            : INCOMPLETE;
                }
                String json = Text.slice(text, q, extent.end());
                Candidate candidate = switch (JsonText.parse(json)) {
                    case JsonText.Valid valid -> new Candidate.Named(name, valid.value());
                    case JsonText.Invalid invalid -> broken(tool, "the call to " + name + " was not valid JSON: " + invalid.problem());
                };
                int after = Text.skipWhitespace(text, extent.end());
                if (Text.startsWith(text, after, CLOSE)) {
                    return new Read(after + CLOSE.length(), candidate);
                }
                if (after == text.length() || Text.endsInsideOf(text, after, CLOSE)) {
                    return endOfInput ? new Read(extent.end(), candidate) : INCOMPLETE;
                }
                return new Read(extent.end(), candidate);
            }
            if (Text.endsInsideOf(text, q, CLOSE) || Text.endsInsideOf(text, q, PARAMETER)) {
                return endOfInput ? new Read(p, new Candidate.Named(name, arguments)) : INCOMPLETE;
            }
            // Something else where a parameter or the closing tag belongs: the call ends here, broken.
            return new Read(q, broken(tool, "the call to " + name
                    + " had text where a <parameter=NAME> or </function> tag belongs"));
        }
    }

    /** The index of the '>' closing a tag's name; -1 if a newline or '<' comes first; the length if the text ends. */
    private static int tagEnd(CharSequence text, int from) {
        for (int i = from; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '>') {
                return i;
            }
            if (c == '\n' || c == '<') {
                return -1;
            }
        }
        return text.length();
    }

    private static String trimNewlines(String value) {
        String v = value.startsWith("\n") ? value.substring(1) : value;
        return v.endsWith("\n") ? v.substring(0, v.length() - 1) : v;
    }

    private static final int INCOMPLETE_VALUE = Integer.MAX_VALUE;

    /**
     * Where a JSON object, array or string starting at {@code at} ends; {@link #INCOMPLETE_VALUE}
     * when the text ends first; -1 when there is no such value there (or it is broken).
     */
    private static int jsonValueEnd(CharSequence text, int at) {
        if (at >= text.length()) {
            return INCOMPLETE_VALUE;
        }
        char c = text.charAt(at);
        if (c == '{' || c == '[') {
            JsonExtent extent = JsonExtent.of(text, at);
            return switch (extent.state()) {
                case COMPLETE -> extent.end();
                case INCOMPLETE -> INCOMPLETE_VALUE;
                case MISMATCH -> -1;
            };
        }
        if (c == '"') {
            for (int i = at + 1; i < text.length(); i++) {
                char d = text.charAt(i);
                if (d == '\\') {
                    i++;
                } else if (d == '"') {
                    return i + 1;
                } else if (d == '\n') {
                    return -1;
                }
            }
            return INCOMPLETE_VALUE;
        }
        return -1;
    }

    /**
     * Whether the tool's schema reads the parameter as JSON: its type is given and does not allow
     * a string. Without a schema (or a type), values are strings.
     */
    static boolean takesJson(String tool, String key, DeclaredTools tools) {
        JsonNode type = tools.find(tool).map(t -> t.parameters().path("properties").path(key).path("type"))
                .orElse(null);
        return type != null && (type.isTextual() || type.isArray()) && !allowsString(type);
    }

    /** The value as the schema types the parameter: JSON for non-string types, else the text. */
    private static JsonNode typed(String tool, String key, String value, DeclaredTools tools) {
        if (!takesJson(tool, key, tools)) {
            return TextNode.valueOf(value);
        }
        return switch (JsonText.parse(value)) {
            case JsonText.Valid valid -> valid.value();
            // Left as text, so that the schema check names the parameter and its wrong type.
            case JsonText.Invalid invalid -> TextNode.valueOf(value);
        };
    }

    private static boolean allowsString(JsonNode type) {
        if (type.isTextual()) {
            return type.textValue().equals("string");
        }
        for (JsonNode name : type) {
            if (name.asText().equals("string")) {
                return true;
            }
        }
        return false;
    }

    private static Candidate broken(Optional<String> tool, String message) {
        return new Candidate.Broken(ToolCallError.Kind.INVALID_JSON, tool, message);
    }
}

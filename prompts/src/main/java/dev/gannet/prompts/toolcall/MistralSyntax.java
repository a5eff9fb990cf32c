package dev.gannet.prompts.toolcall;

import java.util.List;
import java.util.Optional;

/**
 * Mistral: {@code [TOOL_CALLS] [{"name": …, "arguments": …}, …]} (v3, Nemo) and the newer
 * {@code [TOOL_CALLS]NAME[ARGS]{…}} (optionally {@code NAME[CALL_ID]ID[ARGS]{…}}), one marker per call.
 */
final class MistralSyntax implements CallSyntax {
    static final String MARKER = "[TOOL_CALLS]";
    private static final String ARGS = "[ARGS]";
    private static final String CALL_ID = "[CALL_ID]";

    @Override
    public List<String> openers() {
        return List.of(MARKER);
    }

    @Override
    public Scan scan(CharSequence text, int start, ScanContext context, boolean endOfInput) {
        int p = Text.skipWhitespace(text, start + MARKER.length());
        if (p == text.length()) {
            return endOfInput ? found(start, p, broken(Optional.empty(), MARKER + " was not followed by a call"))
                    : Scan.NEED_MORE;
        }
        char c = text.charAt(p);
        if (c == '[' || c == '{') {
            return json(text, start, p, endOfInput, Optional.empty());
        }
        int nameEnd = p;
        while (nameEnd < text.length() && isNameChar(text.charAt(nameEnd))) {
            nameEnd++;
        }
        if (nameEnd == p) {
            return found(start, p, broken(Optional.empty(),
                    MARKER + " must be followed by a JSON list of calls or by NAME[ARGS]{...}"));
        }
        if (nameEnd == text.length()) {
            return endOfInput ? found(start, nameEnd, broken(Optional.empty(), "a call was cut off after " + MARKER))
                    : Scan.NEED_MORE;
        }
        String name = Text.slice(text, p, nameEnd);
        int q = nameEnd;
        if (Text.startsWith(text, q, CALL_ID)) {
            q += CALL_ID.length();
            while (q < text.length() && isNameChar(text.charAt(q))) {
                q++;
            }
        }
        if (Text.startsWith(text, q, ARGS)) {
            int a = Text.skipWhitespace(text, q + ARGS.length());
            if (a == text.length()) {
                return endOfInput ? found(start, a, broken(Optional.of(name), "the call to " + name + " was cut off after " + ARGS))
                        : Scan.NEED_MORE;
            }
            if (text.charAt(a) != '{') {
                return found(start, a, broken(Optional.of(name),
                        "the arguments of the call to " + name + " after " + ARGS + " must be a JSON object"));
            }
            return json(text, start, a, endOfInput, Optional.of(name));
        }
        if ((q == text.length() || Text.endsInsideOf(text, q, ARGS) || Text.endsInsideOf(text, q, CALL_ID)) && !endOfInput) {
            return Scan.NEED_MORE;
        }
        return found(start, q, broken(Optional.of(name), "the call to " + name + " had no " + ARGS + " after its name"));
    }

    /** A JSON value at {@code p}: the list or object of calls, or (for a named call) its arguments. */
    private static Scan json(CharSequence text, int start, int p, boolean endOfInput, Optional<String> name) {
        JsonExtent extent = JsonExtent.of(text, p);
        if (extent.state() == JsonExtent.State.INCOMPLETE) {
            if (!endOfInput) {
                return Scan.NEED_MORE;
            }
        }
        String json = Text.slice(text, p, extent.end());
        List<Candidate> candidates;
        if (name.isEmpty()) {
            candidates = CallShape.readJson(json);
        } else {
            candidates = List.of(switch (JsonText.parse(json)) {
                case JsonText.Valid valid -> new Candidate.Named(name.get(), valid.value());
                case JsonText.Invalid invalid -> broken(name, "the call to " + name.get()
                        + " was not valid JSON: " + invalid.problem());
            });
        }
        return new Scan.Found(extent.end() - start, candidates);
    }

    private static boolean isNameChar(char c) {
        return Character.isLetterOrDigit(c) || c == '_' || c == '-' || c == '.';
    }

    private static Candidate broken(Optional<String> name, String message) {
        return CallShape.broken(ToolCallError.Kind.MALFORMED_CALL, name, message);
    }

    private static Scan found(int start, int end, Candidate candidate) {
        return new Scan.Found(end - start, List.of(candidate));
    }
}

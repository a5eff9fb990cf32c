package dev.gannet.prompts.toolcall;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Llama 3.x: {@code <|python_tag|>} followed by one or more JSON calls
 * ({@code {"name": …, "parameters": …}}, separated by ';' or whitespace), up to
 * {@code <|eom_id|>}, {@code <|eot_id|>} or the end of the message. Python code after the tag (the
 * built-in code interpreter) is not a call of a declared tool and is reported as an error.
 */
final class PythonTagSyntax implements CallSyntax {
    static final String TAG = "<|python_tag|>";
    private static final List<String> ENDS = List.of("<|eom_id|>", "<|eot_id|>");

    @Override
    public List<String> openers() {
        return List.of(TAG);
    }

    @Override
    public Scan scan(CharSequence text, int start, ScanContext context, boolean endOfInput) {
        List<Candidate> candidates = new ArrayList<>();
        int lastValueEnd = -1;
        int p = start + TAG.length();
        while (true) {
            int q = skipSeparators(text, p);
            if (q == text.length()) {
                if (!endOfInput) {
                    return Scan.NEED_MORE;
                }
                if (candidates.isEmpty()) {
                    candidates.add(CallShape.broken(ToolCallError.Kind.MALFORMED_CALL, Optional.empty(),
                            TAG + " was not followed by a call"));
                }
                return found(start, q, candidates);
            }
            char c = text.charAt(q);
            if (c == '{' || c == '[') {
                JsonExtent extent = JsonExtent.of(text, q);
                switch (extent.state()) {
                    case INCOMPLETE -> {
                        if (!endOfInput) {
                            return Scan.NEED_MORE;
                        }
                        candidates.add(CallShape.invalidJson(Text.slice(text, q, text.length()),
                                "the JSON ended before the call was complete"));
                        return found(start, text.length(), candidates);
                    }
                    case MISMATCH -> {
                        candidates.addAll(CallShape.readJson(Text.slice(text, q, extent.end())));
                        return found(start, extent.end(), candidates);
                    }
                    case COMPLETE -> {
                        candidates.addAll(CallShape.readJson(Text.slice(text, q, extent.end())));
                        lastValueEnd = extent.end();
                        p = extent.end();
                        continue;
                    }
                }
            }
            for (String end : ENDS) {
                if (Text.startsWith(text, q, end)) {
                    if (candidates.isEmpty()) {
                        candidates.add(notJson());
                    }
                    return found(start, q + end.length(), candidates);
                }
                if (Text.endsInsideOf(text, q, end) && !endOfInput) {
                    return Scan.NEED_MORE;
                }
            }
            if (!candidates.isEmpty()) {
                // Answer text after the calls.
                return found(start, lastValueEnd, candidates);
            }
            // Not JSON: the call is everything up to the end marker.
            int end = firstEnd(text, q);
            if (end < 0 && !endOfInput) {
                return Scan.NEED_MORE;
            }
            return found(start, end < 0 ? text.length() : end, List.of(notJson()));
        }
    }

    private static Candidate notJson() {
        return CallShape.broken(ToolCallError.Kind.INVALID_JSON, Optional.empty(),
                "a " + TAG + " call was not JSON; write {\"name\": \"TOOL\", \"parameters\": {...}}");
    }

    /** The index just past the first end marker at or after {@code from}, or -1. */
    private static int firstEnd(CharSequence text, int from) {
        int best = -1;
        for (String end : ENDS) {
            int at = Text.indexOf(text, end, from);
            if (at >= 0 && (best < 0 || at + end.length() < best)) {
                best = at + end.length();
            }
        }
        return best;
    }

    private static int skipSeparators(CharSequence text, int from) {
        int i = from;
        while (i < text.length() && (Character.isWhitespace(text.charAt(i)) || text.charAt(i) == ';')) {
            i++;
        }
        return i;
    }

    private static Scan found(int start, int end, List<Candidate> candidates) {
        return new Scan.Found(end - start, candidates);
    }
}

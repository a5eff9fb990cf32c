package dev.gannet.prompts.toolcall;

import java.util.List;
import java.util.Optional;

/**
 * Calls between an opening and a closing tag: Hermes and Qwen {@code <tool_call>…</tool_call>},
 * Phi-4 {@code <|tool_call|>…<|/tool_call|>}. The body is JSON (one call or a list) or a
 * Qwen3-Coder {@code <function=…>} element.
 *
 * <p>The body's own end is found first (so a closing tag inside a JSON string does not end the
 * call early), then the closing tag. Without a closing tag at the end of input the call still
 * counts, and any text after it stays answer text.
 */
final class TaggedSyntax implements CallSyntax {
    private final String open;
    private final String close;

    TaggedSyntax(String open, String close) {
        this.open = open;
        this.close = close;
    }

    static TaggedSyntax hermes() {
        return new TaggedSyntax("<tool_call>", "</tool_call>");
    }

    static TaggedSyntax phi4() {
        return new TaggedSyntax("<|tool_call|>", "<|/tool_call|>");
    }

    @Override
    public List<String> openers() {
        return List.of(open);
    }

    @Override
    public Scan scan(CharSequence text, int start, ScanContext context, boolean endOfInput) {
        int bodyStart = start + open.length();
        int p = Text.skipWhitespace(text, bodyStart);
        if (p == text.length()) {
            return endOfInput ? found(start, p, List.of(CallShape.broken(ToolCallError.Kind.MALFORMED_CALL,
                    Optional.empty(), open + " was not followed by a call"))) : Scan.NEED_MORE;
        }
        char c = text.charAt(p);
        if (c == '{' || c == '[') {
            JsonExtent extent = JsonExtent.of(text, p);
            return switch (extent.state()) {
                case INCOMPLETE -> endOfInput ? wholeBody(text, start, bodyStart, text.length(), context) : Scan.NEED_MORE;
                case MISMATCH -> untilClose(text, start, bodyStart, extent.end(), context, endOfInput, null);
                case COMPLETE -> afterBody(text, start, bodyStart, extent.end(),
                        CallShape.readJson(Text.slice(text, p, extent.end())), context, endOfInput);
            };
        }
        if (Text.startsWith(text, p, XmlFunctionReader.OPEN)) {
            return switch (XmlFunctionReader.read(text, p, context.tools(), endOfInput)) {
                case XmlFunctionReader.Incomplete incomplete -> Scan.NEED_MORE;
                case XmlFunctionReader.Read read ->
                        afterBody(text, start, bodyStart, read.end(), List.of(read.candidate()), context, endOfInput);
            };
        }
        if (Text.endsInsideOf(text, p, XmlFunctionReader.OPEN) && !endOfInput) {
            return Scan.NEED_MORE;
        }
        return untilClose(text, start, bodyStart, p, context, endOfInput, null);
    }

    /** The body was read up to {@code bodyEnd}; the closing tag should follow. */
    private Scan afterBody(CharSequence text, int start, int bodyStart, int bodyEnd, List<Candidate> candidates,
                           ScanContext context, boolean endOfInput) {
        int q = Text.skipWhitespace(text, bodyEnd);
        if (Text.startsWith(text, q, close)) {
            return found(start, q + close.length(), candidates);
        }
        if (q == text.length() || Text.endsInsideOf(text, q, close)) {
            return endOfInput ? found(start, bodyEnd, candidates) : Scan.NEED_MORE;
        }
        // Text between the body and the closing tag: the body as a whole is what the model meant.
        return untilClose(text, start, bodyStart, bodyEnd, context, endOfInput, new Found(bodyEnd, candidates));
    }

    /**
     * Reads everything up to the closing tag (searched from {@code from}) as the body. Without a
     * closing tag at the end of input, {@code ifUnclosed} stands (when given), else the rest of the text.
     */
    private Scan untilClose(CharSequence text, int start, int bodyStart, int from, ScanContext context,
                            boolean endOfInput, Found ifUnclosed) {
        int closeAt = Text.indexOf(text, close, from);
        if (closeAt >= 0) {
            return found(start, closeAt + close.length(), readBody(Text.slice(text, bodyStart, closeAt), context));
        }
        if (!endOfInput) {
            return Scan.NEED_MORE;
        }
        if (ifUnclosed != null) {
            return found(start, ifUnclosed.end(), ifUnclosed.candidates());
        }
        return wholeBody(text, start, bodyStart, text.length(), context);
    }

    private Scan wholeBody(CharSequence text, int start, int bodyStart, int end, ScanContext context) {
        return found(start, end, readBody(Text.slice(text, bodyStart, end), context));
    }

    private record Found(int end, List<Candidate> candidates) {
    }

    /** A body read as a whole: an XML element, JSON, or several JSON values one after another. */
    static List<Candidate> readBody(String body, ScanContext context) {
        String trimmed = body.strip();
        if (trimmed.startsWith(XmlFunctionReader.OPEN)) {
            return switch (XmlFunctionReader.read(trimmed, 0, context.tools(), true)) {
                case XmlFunctionReader.Read read -> List.of(read.candidate());
                case XmlFunctionReader.Incomplete incomplete -> throw new IllegalStateException("read at the end of input");
            };
        }
        List<Candidate> whole = CallShape.readJson(trimmed);
        if (whole.size() == 1 && whole.getFirst() instanceof Candidate.Broken) {
            List<Candidate> sequence = JsonSequence.read(trimmed);
            if (sequence != null) {
                return sequence;
            }
        }
        return whole;
    }

    private static Scan found(int start, int end, List<Candidate> candidates) {
        return new Scan.Found(end - start, candidates);
    }
}

package dev.gannet.prompts.toolcall;

import java.util.List;

/**
 * A Qwen3-Coder {@code <function=NAME>…</function>} element written without its
 * {@code <tool_call>} wrapper, which the model sometimes leaves out. A stray {@code </tool_call>}
 * right after it belongs to the call.
 */
final class XmlFunctionSyntax implements CallSyntax {
    private static final String STRAY_CLOSE = "</tool_call>";

    @Override
    public List<String> openers() {
        return List.of(XmlFunctionReader.OPEN);
    }

    @Override
    public Scan scan(CharSequence text, int start, ScanContext context, boolean endOfInput) {
        return switch (XmlFunctionReader.read(text, start, context.tools(), endOfInput)) {
            case XmlFunctionReader.Incomplete incomplete -> Scan.NEED_MORE;
            case XmlFunctionReader.Read read -> {
                int q = Text.skipWhitespace(text, read.end());
                if (Text.startsWith(text, q, STRAY_CLOSE)) {
                    yield new Scan.Found(q + STRAY_CLOSE.length() - start, List.of(read.candidate()));
                }
                if ((q == text.length() || Text.endsInsideOf(text, q, STRAY_CLOSE)) && !endOfInput) {
                    yield Scan.NEED_MORE;
                }
                yield new Scan.Found(read.end() - start, List.of(read.candidate()));
            }
        };
    }
}

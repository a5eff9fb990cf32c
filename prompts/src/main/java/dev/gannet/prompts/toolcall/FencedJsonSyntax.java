package dev.gannet.prompts.toolcall;

import java.util.List;

/**
 * A call in a Markdown code fence, as Qwen2.5-Coder writes them:
 *
 * <pre>
 * ```json
 * {"name": "read_file", "arguments": {"path": "README.md"}}
 * ```
 * </pre>
 *
 * Only fences tagged {@code json} or untagged, holding JSON shaped like calls; any other fence is
 * code in the answer and is let through as soon as that is clear. See {@link ImplicitJson} for when
 * such JSON counts as a call.
 */
final class FencedJsonSyntax implements CallSyntax {
    private static final String FENCE = "```";

    @Override
    public List<String> openers() {
        return List.of(FENCE);
    }

    @Override
    public boolean enabledAt(ScanContext context) {
        // Inside a fence, ``` closes the answer's code block.
        return context.atLineStart() && !context.inCodeFence();
    }

    @Override
    public Scan scan(CharSequence text, int start, ScanContext context, boolean endOfInput) {
        int infoStart = start + FENCE.length();
        int newline = Text.indexOf(text, "\n", infoStart);
        String info = Text.slice(text, infoStart, newline < 0 ? text.length() : newline).strip().toLowerCase();
        if (!info.isEmpty() && !(newline < 0 ? "json".startsWith(info) : info.equals("json"))) {
            return Scan.NOT_A_CALL;
        }
        if (newline < 0) {
            return endOfInput ? Scan.NOT_A_CALL : Scan.NEED_MORE;
        }
        int jsonStart = Text.skipWhitespace(text, newline + 1);
        if (jsonStart == text.length()) {
            return endOfInput ? Scan.NOT_A_CALL : Scan.NEED_MORE;
        }
        char c = text.charAt(jsonStart);
        if (c != '{' && c != '[' || CallProbe.rulesOut(text, jsonStart)) {
            return Scan.NOT_A_CALL;
        }
        JsonExtent extent = JsonExtent.of(text, jsonStart);
        if (extent.state() == JsonExtent.State.MISMATCH) {
            return Scan.NOT_A_CALL;
        }
        if (extent.state() == JsonExtent.State.INCOMPLETE) {
            return endOfInput ? Scan.NOT_A_CALL : Scan.NEED_MORE;
        }
        int close = Text.skipWhitespace(text, extent.end());
        if (Text.startsWith(text, close, FENCE)) {
            return ImplicitJson.judge(Text.slice(text, jsonStart, extent.end()), close + FENCE.length() - start, context);
        }
        if ((close == text.length() || Text.endsInsideOf(text, close, FENCE)) && !endOfInput) {
            return Scan.NEED_MORE;
        }
        return Scan.NOT_A_CALL;
    }
}

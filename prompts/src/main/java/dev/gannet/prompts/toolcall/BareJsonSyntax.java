package dev.gannet.prompts.toolcall;

import java.util.List;

/**
 * A call written as bare JSON at the start of a line outside code fences: a Llama 3
 * {@code {"name": …, "parameters": …}}, or {@code {"name": …, "arguments": …}} or a list of them.
 * See {@link ImplicitJson} for when such JSON counts as a call.
 */
final class BareJsonSyntax implements CallSyntax {

    @Override
    public List<String> openers() {
        return List.of("{", "[");
    }

    @Override
    public boolean enabledAt(ScanContext context) {
        return context.atLineStart() && !context.inCodeFence();
    }

    @Override
    public Scan scan(CharSequence text, int start, ScanContext context, boolean endOfInput) {
        if (CallProbe.rulesOut(text, start)) {
            return Scan.NOT_A_CALL;
        }
        JsonExtent extent = JsonExtent.of(text, start);
        return switch (extent.state()) {
            case INCOMPLETE -> {
                if (!endOfInput) {
                    yield Scan.NEED_MORE;
                }
                // Cut off (the token limit, usually): worth telling the model only if it was clearly a call.
                yield context.atMessageStart()
                        ? new Scan.Found(text.length() - start, List.of(CallShape.invalidJson(
                                Text.slice(text, start, text.length()), "the JSON ended before the call was complete")))
                        : Scan.NOT_A_CALL;
            }
            case MISMATCH -> ImplicitJson.judge(Text.slice(text, start, extent.end()), extent.end() - start, context);
            case COMPLETE -> ImplicitJson.judge(Text.slice(text, start, extent.end()), extent.end() - start, context);
        };
    }
}

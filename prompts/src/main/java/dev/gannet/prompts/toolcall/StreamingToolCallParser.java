package dev.gannet.prompts.toolcall;

import java.util.ArrayList;
import java.util.List;

/**
 * Reads a model's output as it is generated, chunk by chunk (any split: characters, tokens,
 * lines). Answer text is reported as soon as it can no longer be the start of a call; only a
 * possible call marker (a {@code <} that may become {@code <tool_call>}, a JSON object at the start
 * of a line that may be a call) is held back. Each call is reported once it is complete.
 *
 * <p>However the text is split, the events gathered by {@link ParseResult#of} equal what
 * {@link ToolCallParser#parse} gives for the whole text. Not thread-safe: one per generation.
 */
public final class StreamingToolCallParser {
    private final List<CallSyntax> syntaxes;
    private final DeclaredTools tools;
    private final StringBuilder pending = new StringBuilder();
    private final ContentTracker tracker = new ContentTracker();
    private int callCount;
    private boolean finished;

    StreamingToolCallParser(List<CallSyntax> syntaxes, DeclaredTools tools) {
        this.syntaxes = syntaxes;
        this.tools = tools;
    }

    /** Takes the next piece of output and returns what it settles, in order. */
    public List<ToolCallEvent> accept(String chunk) {
        if (finished) {
            throw new IllegalStateException("the parser was already finished");
        }
        pending.append(chunk);
        return drain(false);
    }

    /** The output is complete: settles everything held back. */
    public List<ToolCallEvent> finish() {
        if (finished) {
            return List.of();
        }
        finished = true;
        return drain(true);
    }

    private List<ToolCallEvent> drain(boolean endOfInput) {
        List<ToolCallEvent> events = new ArrayList<>();
        int textStart = 0;
        int i = 0;
        scanning:
        while (i < pending.length()) {
            ScanContext context = tracker.context(tools);
            for (CallSyntax syntax : syntaxes) {
                if (!syntax.enabledAt(context)) {
                    continue;
                }
                for (String opener : syntax.openers()) {
                    if (!endOfInput && Text.endsInsideOf(pending, i, opener)) {
                        break scanning; // Could still become this opener: wait.
                    }
                    if (!Text.startsWith(pending, i, opener)) {
                        continue;
                    }
                    switch (syntax.scan(pending, i, context, endOfInput)) {
                        case Scan.NeedMore needMore -> {
                            if (endOfInput) {
                                throw new IllegalStateException(syntax.getClass().getSimpleName()
                                        + " asked for more text at the end of input");
                            }
                            break scanning;
                        }
                        case Scan.NotACall notACall -> {
                            // Try the next opener or syntax.
                        }
                        case Scan.Found found -> {
                            emitText(events, textStart, i);
                            String raw = pending.substring(i, i + found.length());
                            for (Candidate candidate : found.candidates()) {
                                events.add(settle(candidate, raw));
                            }
                            i += found.length();
                            textStart = i;
                            tracker.afterCall();
                            continue scanning;
                        }
                    }
                }
            }
            tracker.feed(pending.charAt(i));
            i++;
        }
        emitText(events, textStart, i);
        pending.delete(0, i);
        return events;
    }

    private void emitText(List<ToolCallEvent> events, int from, int to) {
        if (to > from) {
            events.add(new ToolCallEvent.TextDelta(pending.substring(from, to)));
        }
    }

    private ToolCallEvent settle(Candidate candidate, String raw) {
        return switch (candidate) {
            case Candidate.Broken broken -> new ToolCallEvent.CallFailed(
                    new ToolCallError(broken.kind(), broken.toolName(), broken.message(), raw));
            case Candidate.Named named -> switch (CallValidator.check(named, tools, "call_" + callCount, raw)) {
                case CallValidator.Accepted accepted -> {
                    callCount++;
                    yield new ToolCallEvent.CallCompleted(accepted.call());
                }
                case CallValidator.Refused refused -> new ToolCallEvent.CallFailed(refused.error());
            };
        };
    }
}

package dev.gannet.prompts.toolcall;

import java.util.ArrayList;
import java.util.List;

/**
 * A model's message split into answer text, calls and failed calls.
 *
 * @param content the text outside the calls, with the whitespace at either end removed
 * @param calls   the valid calls, in order
 * @param errors  the failed attempts, in order
 */
public record ParseResult(String content, List<ToolCall> calls, List<ToolCallError> errors) {
    public ParseResult {
        calls = List.copyOf(calls);
        errors = List.copyOf(errors);
    }

    /** Gathers a stream of events into a result, as the whole-text parser reports it. */
    public static ParseResult of(List<ToolCallEvent> events) {
        StringBuilder content = new StringBuilder();
        List<ToolCall> calls = new ArrayList<>();
        List<ToolCallError> errors = new ArrayList<>();
        for (ToolCallEvent event : events) {
            switch (event) {
                case ToolCallEvent.TextDelta text -> content.append(text.text());
                case ToolCallEvent.CallCompleted completed -> calls.add(completed.call());
                case ToolCallEvent.CallFailed failed -> errors.add(failed.error());
            }
        }
        return new ParseResult(content.toString().strip(), calls, errors);
    }

    public boolean hasCalls() {
        return !calls.isEmpty();
    }
}

package dev.gannet.runtime.backend;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.gannet.prompts.toolcall.DeclaredTools;
import dev.gannet.prompts.toolcall.StreamingToolCallParser;
import dev.gannet.prompts.toolcall.ToolCall;
import dev.gannet.prompts.toolcall.ToolCallError;
import dev.gannet.prompts.toolcall.ToolCallEvent;
import dev.gannet.prompts.toolcall.ToolCallFormat;
import dev.gannet.prompts.toolcall.ToolCallParser;
import dev.gannet.prompts.template.ToolDeclaration;
import java.util.ArrayList;
import java.util.List;

/**
 * Turns generated text, chunk by chunk, into a {@link Completion}: answer text passed on as soon as
 * it is settled, tool calls once complete. With no tools offered every character is answer text.
 * One per turn; not thread-safe.
 */
public final class TurnParser {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final StreamingToolCallParser parser;
    private final CompletionListener listener;
    private final StringBuilder raw = new StringBuilder();
    private final StringBuilder answer = new StringBuilder();
    private final List<ToolCall> calls = new ArrayList<>();
    private final List<ToolCallError> failed = new ArrayList<>();

    /**
     * @param format how the model writes calls
     * @param tools  the tools offered this turn; empty: no call parsing at all
     */
    public TurnParser(ToolCallFormat format, List<ToolDeclaration> tools, CompletionListener listener) {
        this.parser = tools.isEmpty() ? null : ToolCallParser.of(format, declared(tools)).streaming();
        this.listener = listener;
    }

    /** The declarations as the call parser and validator read them (parameters as a JSON schema). */
    public static DeclaredTools declared(List<ToolDeclaration> tools) {
        List<dev.gannet.prompts.toolcall.ToolDeclaration> converted = new ArrayList<>(tools.size());
        for (ToolDeclaration tool : tools) {
            ObjectNode schema = tool.parameters() == null ? null : JSON.valueToTree(tool.parameters());
            converted.add(new dev.gannet.prompts.toolcall.ToolDeclaration(tool.name(), tool.description(), schema));
        }
        return DeclaredTools.of(converted);
    }

    public void accept(String chunk) {
        if (chunk.isEmpty()) {
            return;
        }
        raw.append(chunk);
        if (parser == null) {
            answerText(chunk);
        } else {
            dispatch(parser.accept(chunk));
        }
    }

    /** Everything generated so far, markup included. */
    public String rawText() {
        return raw.toString();
    }

    public boolean sawToolCall() {
        return !calls.isEmpty();
    }

    /**
     * Settles what was held back and builds the turn. A turn that made calls ends with
     * {@link Completion.FinishReason#TOOL_CALLS} unless it was cancelled or cut off by length.
     */
    public Completion finish(Completion.FinishReason reason, Completion.Usage usage) {
        if (parser != null) {
            dispatch(parser.finish());
        }
        Completion.FinishReason finish = reason == Completion.FinishReason.STOP && !calls.isEmpty()
                ? Completion.FinishReason.TOOL_CALLS : reason;
        return new Completion(answer.toString(), calls, failed, raw.toString(), finish, usage);
    }

    private void dispatch(List<ToolCallEvent> events) {
        for (ToolCallEvent event : events) {
            switch (event) {
                case ToolCallEvent.TextDelta text -> answerText(text.text());
                case ToolCallEvent.CallCompleted completed -> {
                    calls.add(completed.call());
                    listener.toolCall(completed.call());
                }
                case ToolCallEvent.CallFailed callFailed -> {
                    failed.add(callFailed.error());
                    listener.toolCallFailed(callFailed.error());
                }
            }
        }
    }

    private void answerText(String text) {
        answer.append(text);
        listener.text(text);
    }
}

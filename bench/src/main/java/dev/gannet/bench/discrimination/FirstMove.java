package dev.gannet.bench.discrimination;

import com.fasterxml.jackson.databind.JsonNode;
import dev.gannet.prompts.toolcall.ToolCall;
import dev.gannet.prompts.toolcall.ToolCallError;
import dev.gannet.runtime.backend.Completion;

/** The decision a model's first turn shows: a tool call (valid or not) or a text answer. */
public sealed interface FirstMove {
    /**
     * @param name      the tool the model called ("" when not even that could be read)
     * @param arguments the parsed arguments, or null when the call was not valid
     * @param problem   why the call was not valid, or null
     */
    record Call(String name, JsonNode arguments, String problem) implements FirstMove {
        public boolean valid() {
            return problem == null;
        }
    }

    record Answer(String text) implements FirstMove {
    }

    /** A valid call wins over a failed one: the model did manage to call. */
    static FirstMove of(Completion completion) {
        if (!completion.toolCalls().isEmpty()) {
            ToolCall call = completion.toolCalls().getFirst();
            return new Call(call.name(), call.arguments(), null);
        }
        if (!completion.failedCalls().isEmpty()) {
            ToolCallError error = completion.failedCalls().getFirst();
            return new Call(error.toolName().orElse(""), null, error.message());
        }
        return new Answer(completion.text());
    }
}

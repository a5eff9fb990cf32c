package dev.gannet.runtime.backend;

import dev.gannet.prompts.toolcall.ToolCall;
import dev.gannet.prompts.toolcall.ToolCallError;
import java.util.List;
import java.util.Objects;

/**
 * One generated assistant turn.
 *
 * @param text        the answer text (tool-call markup removed)
 * @param toolCalls   complete, valid calls in the order generated
 * @param failedCalls attempted calls that could not be parsed or validated
 * @param rawText     everything the model generated, markup included
 * @param finish      why generation ended
 * @param usage       token counts and timings
 */
public record Completion(String text, List<ToolCall> toolCalls, List<ToolCallError> failedCalls, String rawText,
                         FinishReason finish, Usage usage) {
    public Completion {
        Objects.requireNonNull(text, "text");
        toolCalls = List.copyOf(toolCalls);
        failedCalls = List.copyOf(failedCalls);
        Objects.requireNonNull(rawText, "rawText");
        Objects.requireNonNull(finish, "finish");
        Objects.requireNonNull(usage, "usage");
    }

    public boolean hasToolCalls() {
        return !toolCalls.isEmpty();
    }

    /** Why a turn ended, in OpenAI's words where it has them. */
    public enum FinishReason {
        /** An end-of-generation token or a stop string. */
        STOP("stop"),
        /** The token limit or a full context. */
        LENGTH("length"),
        /** The turn ended with tool calls. */
        TOOL_CALLS("tool_calls"),
        /** The client went away or asked to stop. */
        CANCELLED("cancelled");

        private final String openAiName;

        FinishReason(String openAiName) {
            this.openAiName = openAiName;
        }

        public String openAiName() {
            return openAiName;
        }
    }

    /**
     * @param promptTokens       tokens in the rendered prompt
     * @param cachedPromptTokens of those, how many were already in the KV cache and not evaluated again
     * @param completionTokens   tokens generated
     * @param promptNanos        time to evaluate the uncached part of the prompt
     * @param generationNanos    time to generate
     */
    public record Usage(int promptTokens, int cachedPromptTokens, int completionTokens, long promptNanos,
                        long generationNanos) {
        public static final Usage NONE = new Usage(0, 0, 0, 0, 0);

        public double generationTokensPerSecond() {
            return generationNanos <= 0 ? 0 : completionTokens * 1e9 / generationNanos;
        }
    }
}

package dev.gannet.runtime.backend;

import dev.gannet.prompts.system.SystemPrompts;
import dev.gannet.prompts.toolcall.ToolCallFormat;

/**
 * "Messages in, one assistant turn out": the one interface the agent loop, the OpenAI-compatible
 * endpoint and the benchmark harness drive. Implementations: Gannet's own engine, any
 * OpenAI-compatible server, and a scripted model for deterministic tests.
 *
 * <p>A backend renders the conversation and the tool declarations itself (the engine with the
 * model's chat template; a remote server with its own) and parses the model's tool calls itself, so
 * every caller sees the same thing: answer text as it is settled, and complete tool calls.
 */
public interface ModelBackend extends AutoCloseable {
    /** The model's name as clients see it (OpenAI's {@code model}). */
    String id();

    /**
     * Generates one assistant turn. Blocks the calling thread (never call it on an event loop);
     * streams to the listener on that same thread as it goes.
     *
     * @throws BackendException with a message fit for a user when the turn cannot be generated
     */
    Completion complete(CompletionRequest request, CompletionListener listener);

    /**
     * The system prompt that teaches this model when to call a tool and when to answer directly,
     * in the call syntax its chat template expects.
     */
    default String toolUseSystemPrompt() {
        return SystemPrompts.toolUse(ToolCallFormat.HERMES);
    }

    /** Forgets what was cached for a conversation ({@link CompletionRequest#cacheKey()}). */
    default void forget(String cacheKey) {
    }

    @Override
    default void close() {
    }
}

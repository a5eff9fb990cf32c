package dev.gannet.runtime.backend;

import dev.gannet.prompts.toolcall.ToolCallFormat;

/**
 * How {@link EngineBackend} runs a model.
 *
 * @param threads             compute threads; 0 for one per core
 * @param contextSize         tokens each conversation's KV cache holds (capped at the model's context)
 * @param cachedConversations how many conversations keep their KV cache between turns; each costs
 *                            context × layers × KV width × 2 (keys and values) floats once filled, so
 *                            the least recently used is dropped beyond this
 * @param template            null for the model's own chat template (or its family's built-in one when it
 *                            has none); else a built-in family's id ({@code chatml}, {@code llama3}, …) or
 *                            the path of a Jinja file
 * @param toolCallFormat      null to read the format from the template; else how the model writes calls
 */
public record EngineOptions(int threads, int contextSize, int cachedConversations, String template,
                            ToolCallFormat toolCallFormat) {
    public static final int DEFAULT_CONTEXT = 4096;
    public static final int DEFAULT_CACHED_CONVERSATIONS = 4;

    public EngineOptions {
        if (threads < 0) {
            throw new IllegalArgumentException("threads must be 0 (one per core) or more, not " + threads);
        }
        if (contextSize < 16) {
            throw new IllegalArgumentException("the context must hold at least 16 tokens, not " + contextSize);
        }
        if (cachedConversations < 1) {
            throw new IllegalArgumentException("at least one conversation must be cached, not " + cachedConversations);
        }
    }

    /** One thread per core, a 4096-token context, four conversations cached, the model's own template. */
    public static EngineOptions defaults() {
        return new EngineOptions(0, DEFAULT_CONTEXT, DEFAULT_CACHED_CONVERSATIONS, null, null);
    }

    public EngineOptions withThreads(int n) {
        return new EngineOptions(n, contextSize, cachedConversations, template, toolCallFormat);
    }

    public EngineOptions withContextSize(int n) {
        return new EngineOptions(threads, n, cachedConversations, template, toolCallFormat);
    }

    public EngineOptions withCachedConversations(int n) {
        return new EngineOptions(threads, contextSize, n, template, toolCallFormat);
    }

    public EngineOptions withTemplate(String familyOrFile) {
        return new EngineOptions(threads, contextSize, cachedConversations, familyOrFile, toolCallFormat);
    }

    public EngineOptions withToolCallFormat(ToolCallFormat format) {
        return new EngineOptions(threads, contextSize, cachedConversations, template, format);
    }
}

package dev.gannet.runtime.backend;

import dev.gannet.kernels.lora.ScaledLora;
import dev.gannet.kernels.model.KvCacheType;
import java.nio.file.Path;
import java.util.List;

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
 * @param adapters            LoRA adapters applied at run time, each with its scale; empty for none
 * @param promptCacheDirectory where evaluated prompts are kept between processes; null for nowhere
 * @param promptCacheBytes    how much the prompt cache may hold on disk; 0 turns it off
 */
public record EngineOptions(int threads, int contextSize, int cachedConversations, String template,
                            ToolCallFormat toolCallFormat, List<ScaledLora> adapters, Path promptCacheDirectory,
                            long promptCacheBytes, KvCacheType kvCacheType) {
    public static final int DEFAULT_CONTEXT = 4096;
    public static final int DEFAULT_CACHED_CONVERSATIONS = 4;

    public EngineOptions {
        adapters = List.copyOf(adapters);
        java.util.Objects.requireNonNull(kvCacheType, "kvCacheType");
        if (threads < 0) {
            throw new IllegalArgumentException("threads must be 0 (one per core) or more, not " + threads);
        }
        if (contextSize < 16) {
            throw new IllegalArgumentException("the context must hold at least 16 tokens, not " + contextSize);
        }
        if (promptCacheBytes < 0) {
            throw new IllegalArgumentException("the prompt cache's size cannot be negative: " + promptCacheBytes);
        }
        if (cachedConversations < 1) {
            throw new IllegalArgumentException("at least one conversation must be cached, not " + cachedConversations);
        }
    }

    /**
     * One thread per core, a 4096-token context, four conversations cached, the model's own template, no
     * prompt cache on disk, an F16 KV cache.
     */
    public static EngineOptions defaults() {
        return new EngineOptions(0, DEFAULT_CONTEXT, DEFAULT_CACHED_CONVERSATIONS, null, null, List.of(), null, 0,
                KvCacheType.F16);
    }

    public EngineOptions withThreads(int n) {
        return new EngineOptions(n, contextSize, cachedConversations, template, toolCallFormat, adapters,
                promptCacheDirectory, promptCacheBytes, kvCacheType);
    }

    public EngineOptions withContextSize(int n) {
        return new EngineOptions(threads, n, cachedConversations, template, toolCallFormat, adapters,
                promptCacheDirectory, promptCacheBytes, kvCacheType);
    }

    public EngineOptions withCachedConversations(int n) {
        return new EngineOptions(threads, contextSize, n, template, toolCallFormat, adapters,
                promptCacheDirectory, promptCacheBytes, kvCacheType);
    }

    public EngineOptions withTemplate(String familyOrFile) {
        return new EngineOptions(threads, contextSize, cachedConversations, familyOrFile, toolCallFormat, adapters,
                promptCacheDirectory, promptCacheBytes, kvCacheType);
    }

    public EngineOptions withAdapters(List<ScaledLora> loras) {
        return new EngineOptions(threads, contextSize, cachedConversations, template, toolCallFormat, loras,
                promptCacheDirectory, promptCacheBytes, kvCacheType);
    }

    public EngineOptions withToolCallFormat(ToolCallFormat format) {
        return new EngineOptions(threads, contextSize, cachedConversations, template, format, adapters,
                promptCacheDirectory, promptCacheBytes, kvCacheType);
    }

    /** Keeps evaluated prompts in {@code directory}, at most {@code bytes} of them; 0 bytes turns it off. */
    public EngineOptions withPromptCache(Path directory, long bytes) {
        return new EngineOptions(threads, contextSize, cachedConversations, template, toolCallFormat, adapters,
                directory, bytes, kvCacheType);
    }

    /** How each conversation's KV cache stores keys and values. */
    public EngineOptions withKvCacheType(KvCacheType type) {
        return new EngineOptions(threads, contextSize, cachedConversations, template, toolCallFormat, adapters,
                promptCacheDirectory, promptCacheBytes, type);
    }
}

package dev.gannet.runtime.backend;

import dev.gannet.kernels.model.KvCacheType;
import dev.gannet.kernels.model.Model;
import dev.gannet.kernels.model.ThreadTeam;
import dev.gannet.kernels.tokenizer.SpecialTokens;
import dev.gannet.kernels.tokenizer.Tokenizer;
import dev.gannet.prompts.stop.StopConditions;
import dev.gannet.prompts.system.SystemPrompts;
import dev.gannet.prompts.template.ChatTemplateException;
import dev.gannet.prompts.template.ToolDeclaration;
import dev.gannet.prompts.toolcall.ToolCallFormat;
import dev.gannet.runtime.template.ChosenTemplate;
import dev.gannet.runtime.template.TemplateChoice;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Gannet's own engine behind {@link ModelBackend}: a GGUF model on the CPU, its chat template, and a KV
 * cache kept per conversation ({@link CompletionRequest#cacheKey()}), so that a new turn evaluates only
 * what the conversation added since the last one.
 *
 * <p>Each turn renders the whole conversation with the model's template, tokenizes it, rewinds the
 * conversation's cache to the longest prefix it shares with those tokens, evaluates the rest, and
 * generates (see {@link EngineTurn}). Requests without a cache key use a scratch cache that is never
 * reused. One turn runs at a time: the compute threads are shared, so callers queue in
 * {@link #complete}.
 *
 * <p>{@link #id()} is the model file's name without {@code .gguf}: unlike {@code general.name} it tells
 * two quantizations of one model apart, and it is what the user typed.
 */
public final class EngineBackend implements ModelBackend {
    private final String id;
    private final Model model;
    private final ThreadTeam team;
    private final ChosenTemplate template;
    private final ToolCallFormat format;
    private final EngineVocabulary vocabulary;
    private final CallPlanner planner;
    private final ConversationCache conversations;
    private final int contextSize;
    private final KvCacheType kvCacheType;
    private final List<String> modelStops;
    private final boolean templateRendersTools;
    /** Evaluated prompts on disk, shared between processes; null when off. */
    private final PromptCache promptCache;
    private final ReentrantLock oneTurnAtATime = new ReentrantLock(true);
    private CachedConversation scratch;

    private EngineBackend(String id, Model model, ThreadTeam team, ChosenTemplate template, ToolCallFormat format,
                          EngineOptions options, PromptCache promptCache) {
        this.promptCache = promptCache;
        this.id = id;
        this.model = model;
        this.team = team;
        this.template = template;
        this.templateRendersTools = ToolsInSystemPrompt.templateRendersTools(template);
        this.format = format;
        this.vocabulary = new EngineVocabulary(model.tokenizer());
        this.planner = new CallPlanner(vocabulary, format);
        this.contextSize = Math.min(options.contextSize(), model.config().contextLength());
        this.kvCacheType = options.kvCacheType();
        this.conversations = new ConversationCache(options.cachedConversations(), this::freshConversation);
        this.modelStops = endTokenTexts(model.tokenizer());
    }

    /**
     * Loads a model and its chat template.
     *
     * @throws BackendException when the file cannot be read as a model, or no template can be chosen
     */
    public static EngineBackend open(Path file, EngineOptions options) {
        String name = file.getFileName().toString();
        String id = name.endsWith(".gguf") ? name.substring(0, name.length() - ".gguf".length()) : name;
        Model model;
        try {
            model = Model.load(file);
        } catch (UncheckedIOException e) {
            throw new BackendException(describe(file, e.getCause()), e);
        } catch (RuntimeException e) {
            throw new BackendException("cannot load " + file + ": " + e.getMessage(), e);
        }
        if (!options.adapters().isEmpty()) {
            try {
                model = model.withAdapters(options.adapters());
            } catch (RuntimeException e) {
                model.close();
                throw new BackendException(e.getMessage(), e);
            }
        }
        try {
            ChosenTemplate template = TemplateChoice.forModel(name, model.file().metadata(), options.template());
            ToolCallFormat format = options.toolCallFormat() != null ? options.toolCallFormat() : template.toolCallFormat();
            ThreadTeam team = options.threads() == 0 ? ThreadTeam.sizedToCores() : new ThreadTeam(options.threads());
            return new EngineBackend(id, model, team, template, format, options, promptCache(file, options));
        } catch (UncheckedIOException e) {
            model.close();
            throw new BackendException("cannot read the chat template: " + describe(Path.of(options.template()), e.getCause()), e);
        } catch (RuntimeException e) {
            model.close();
            throw new BackendException(e.getMessage(), e);
        }
    }

    /**
     * The prompt cache for this model, or null: when it is off, and with adapters (they change every
     * key and value, and the cache knows models only by their file).
     */
    private static PromptCache promptCache(Path file, EngineOptions options) {
        if (options.promptCacheDirectory() == null || options.promptCacheBytes() == 0 || !options.adapters().isEmpty()) {
            return null;
        }
        try {
            return new PromptCache(options.promptCacheDirectory(), PromptCache.fingerprintOf(file, options.kvCacheType()),
                    options.promptCacheBytes());
        } catch (IOException e) {
            return null; // the model was just read from this file; if it cannot be described now, do without
        }
    }

    private static String describe(Path file, Throwable cause) {
        return cause instanceof NoSuchFileException ? file + ": no such file" : file + ": " + cause.getMessage();
    }

    @Override
    public String id() {
        return id;
    }

    /** The chat template turns are rendered with (the model's own, a family's, or the override). */
    public ChosenTemplate template() {
        return template;
    }

    /** How this model writes tool calls. */
    public ToolCallFormat toolCallFormat() {
        return format;
    }

    /** Tokens each conversation's cache holds. */
    public int contextSize() {
        return contextSize;
    }

    @Override
    public String toolUseSystemPrompt() {
        return SystemPrompts.toolUse(format);
    }

    @Override
    public Completion complete(CompletionRequest request, CompletionListener listener) {
        List<ToolDeclaration> tools = request.toolChoice() instanceof ToolChoice.None ? List.of() : request.tools();
        int[] prompt = tokenize(render(request, tools));
        if (prompt.length >= contextSize) {
            throw new BackendException("the conversation is " + prompt.length + " tokens long; the context holds "
                    + contextSize + " (room for at least one more is needed)");
        }
        oneTurnAtATime.lock();
        try {
            Optional<CallPlan> calls = planner.plan(request);
            StopConditions stops = StopConditions.merge(Set.of(), modelStops, request.settings().stop());
            TurnParser turn = new TurnParser(format, tools, listener);
            boolean keyed = request.cacheKey() != null;
            CachedConversation conversation = keyed ? conversations.get(request.cacheKey()) : scratch();
            // Keyless requests share one scratch cache; its common prefix with the last one is reused all the same.
            if (promptCache != null) {
                promptCache.restore(conversation, prompt);
            }
            return new EngineTurn(conversation, vocabulary, request, stops.matcher(), turn, calls).run(prompt, true,
                    held -> {
                        // Only a cold start saves: a warm conversation's prefix is saved already, or is its own.
                        if (promptCache != null && held < PromptCache.MIN_SHARED) {
                            promptCache.save(conversation);
                        }
                    });
        } finally {
            oneTurnAtATime.unlock();
        }
    }

    /** How many conversations hold a KV cache now (at most {@link EngineOptions#cachedConversations()}). */
    public int cachedConversations() {
        oneTurnAtATime.lock();
        try {
            return conversations.size();
        } finally {
            oneTurnAtATime.unlock();
        }
    }

    /** Whether the conversation still holds a KV cache (it may have been dropped as least recently used). */
    public boolean isCached(String cacheKey) {
        oneTurnAtATime.lock();
        try {
            return conversations.contains(cacheKey);
        } finally {
            oneTurnAtATime.unlock();
        }
    }

    @Override
    public void forget(String cacheKey) {
        oneTurnAtATime.lock();
        try {
            conversations.forget(cacheKey);
        } finally {
            oneTurnAtATime.unlock();
        }
    }

    @Override
    public void close() {
        oneTurnAtATime.lock();
        try {
            team.close();
            model.close();
        } finally {
            oneTurnAtATime.unlock();
        }
    }

    private String render(CompletionRequest request, List<ToolDeclaration> tools) {
        try {
            if (!request.tools().isEmpty() && !templateRendersTools) {
                // Listed even when this turn may not call them, so the prompt's prefix (and its KV cache) stays the same.
                return template.template().render(ToolsInSystemPrompt.inline(request.messages(), request.tools()), List.of(), true,
                        template.bos(), template.eos());
            }
            return template.template().render(request.messages(), tools, true, template.bos(), template.eos());
        } catch (ChatTemplateException e) {
            throw new BackendException(e.getMessage(), e);
        }
    }

    /**
     * The prompt's tokens, control tokens written by the template read as such. BOS is added when the
     * model asks for it and the template did not write it already.
     */
    private int[] tokenize(String prompt) {
        Tokenizer tokenizer = model.tokenizer();
        int[] ids = tokenizer.encode(prompt, false, true);
        SpecialTokens specials = tokenizer.specials();
        boolean templateWroteBos = !template.bos().isEmpty() && prompt.startsWith(template.bos());
        if (!specials.addBos() || specials.bos() == SpecialTokens.NONE || templateWroteBos) {
            return ids;
        }
        int[] withBos = new int[ids.length + 1];
        withBos[0] = specials.bos();
        System.arraycopy(ids, 0, withBos, 1, ids.length);
        return withBos;
    }

    private CachedConversation freshConversation() {
        return new CachedConversation(model.newSession(team, contextSize, kvCacheType));
    }

    private CachedConversation scratch() {
        if (scratch == null) {
            scratch = freshConversation();
        }
        return scratch;
    }

    /**
     * The end tokens' text as stop strings too: a model may spell {@code <|im_end|>} out of ordinary
     * pieces instead of generating the token, and the turn must end there all the same.
     */
    private static List<String> endTokenTexts(Tokenizer tokenizer) {
        Set<String> texts = new LinkedHashSet<>();
        for (int id : tokenizer.specials().endOfGeneration()) {
            String text = new String(tokenizer.tokenBytes(id, true), StandardCharsets.UTF_8);
            if (!text.isBlank()) {
                texts.add(text);
            }
        }
        return new ArrayList<>(texts);
    }
}

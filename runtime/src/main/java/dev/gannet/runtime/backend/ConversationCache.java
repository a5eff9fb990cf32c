package dev.gannet.runtime.backend;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;

/**
 * The conversations whose KV caches are kept, by cache key, least recently used dropped first once
 * there are more than the capacity. Not thread-safe: the engine generates one turn at a time.
 */
final class ConversationCache {
    private final int capacity;
    private final Supplier<CachedConversation> fresh;
    private final Map<String, CachedConversation> byKey = new LinkedHashMap<>(16, 0.75f, true);

    ConversationCache(int capacity, Supplier<CachedConversation> fresh) {
        this.capacity = capacity;
        this.fresh = fresh;
    }

    /**
     * The conversation's cache. A new conversation gets a fresh one while there is room; once full, it
     * takes over the least recently used one, tokens and all, so whatever prefix the two share (the
     * system prompt and the tool declarations, typically) is not evaluated again.
     */
    CachedConversation get(String key) {
        CachedConversation conversation = byKey.get(key);
        if (conversation == null) {
            if (byKey.size() >= capacity) {
                String eldest = byKey.keySet().iterator().next();
                conversation = byKey.remove(eldest);
            } else {
                conversation = fresh.get();
            }
            byKey.put(key, conversation);
        }
        return conversation;
    }

    boolean contains(String key) {
        return byKey.containsKey(key);
    }

    void forget(String key) {
        byKey.remove(key);
    }

    int size() {
        return byKey.size();
    }
}

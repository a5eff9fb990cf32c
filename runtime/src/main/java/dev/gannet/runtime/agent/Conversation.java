package dev.gannet.runtime.agent;

import dev.gannet.prompts.template.ChatMessage;
import dev.gannet.runtime.session.SessionStore;
import dev.gannet.runtime.session.StoredSession;
import dev.gannet.runtime.session.ToolRun;
import dev.gannet.runtime.session.TurnRecord;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * One session's conversation. Every message is written to the store the moment it is appended, so
 * a finished step survives a crash; without a store the conversation lives in memory only. Used by
 * one turn at a time.
 */
public final class Conversation {
    private final String id;
    private final SessionStore store;
    private final List<ChatMessage> messages = new ArrayList<>();

    private Conversation(String id, SessionStore store) {
        this.id = Objects.requireNonNull(id, "id");
        this.store = store;
    }

    /** A new conversation that starts with a system prompt. */
    public static Conversation start(String id, String systemPrompt, SessionStore store) {
        Conversation conversation = new Conversation(id, store);
        if (systemPrompt != null && !systemPrompt.isBlank()) {
            conversation.append(ChatMessage.system(systemPrompt));
        }
        return conversation;
    }

    /** Carries on a stored session: its messages are the history, new ones are appended to it. */
    public static Conversation resume(StoredSession stored, SessionStore store) {
        Conversation conversation = new Conversation(stored.summary().id(), store);
        conversation.messages.addAll(stored.messages());
        return conversation;
    }

    public String id() {
        return id;
    }

    public List<ChatMessage> messages() {
        return List.copyOf(messages);
    }

    public void append(ChatMessage message) {
        messages.add(message);
        if (store != null) {
            store.appendMessage(id, message);
        }
    }

    void recordToolRun(ToolRun run) {
        if (store != null) {
            store.recordToolRun(id, run);
        }
    }

    void recordTurn(TurnRecord turn) {
        if (store != null) {
            store.recordTurn(id, turn);
        }
    }
}

package dev.gannet.runtime.session;

import dev.gannet.prompts.template.ChatMessage;
import java.util.List;
import java.util.Optional;

/**
 * Where sessions live: the conversation, every tool run and every turn's totals, written as each
 * step finishes so that a step once finished is never lost, even to a kill -9. Thread-safe.
 */
public interface SessionStore extends AutoCloseable {
    /** Starts a session and returns it (with a new id). */
    SessionSummary create(NewSession session);

    /** Appends a message to a session's conversation (in order). */
    void appendMessage(String sessionId, ChatMessage message);

    /** Records one tool run (the call and its result). */
    void recordToolRun(String sessionId, ToolRun run);

    /** Records the totals of a finished turn. */
    void recordTurn(String sessionId, TurnRecord turn);

    /** The most recently active sessions first. */
    List<SessionSummary> list(int limit);

    /** A whole session, or empty when no session has that id. */
    Optional<StoredSession> load(String sessionId);

    @Override
    void close();
}

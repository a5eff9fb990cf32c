package dev.gannet.runtime.server.agent;

/** What a client sends over {@code /v1/agent} (docs/protocol.md). */
sealed interface ClientMessage {
    /**
     * Starts a session (or resumes a stored one) with a task.
     *
     * @param workspace the directory the tools work in; null for the server's
     * @param model     the model the client expects; null for whatever is loaded
     * @param mode      {@code read-only} or {@code workspace-write}; null for read-only
     * @param session   a stored session to continue; null for a new one
     */
    record Run(String task, String workspace, String model, String mode, String session) implements ClientMessage {
    }

    /** A follow-up in the connection's session. */
    record Message(String text) implements ClientMessage {
    }

    /** Stop the turn that is running. */
    record Cancel() implements ClientMessage {
    }
}

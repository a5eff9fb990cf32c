package dev.gannet.runtime.session;

import dev.gannet.prompts.template.ChatMessage;
import java.util.List;

/** A whole session as stored: enough to show it and to resume it. */
public record StoredSession(SessionSummary summary, List<ChatMessage> messages, List<ToolRun> toolRuns,
                            List<TurnRecord> turns) {
}

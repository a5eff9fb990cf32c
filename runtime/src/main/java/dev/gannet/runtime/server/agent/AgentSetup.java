package dev.gannet.runtime.server.agent;

import dev.gannet.runtime.agent.AgentLimits;
import dev.gannet.runtime.backend.GenerationSettings;
import dev.gannet.runtime.session.SessionStore;
import dev.gannet.tools.ToolContext;
import dev.gannet.tools.ToolRegistry;
import java.util.Objects;

/**
 * What every agent session on this server shares.
 *
 * @param tools      the tools offered
 * @param toolBase   the default workspace, mode, sandbox and limits; a run may name another
 *                   workspace and mode
 * @param limits     when a turn stops without an answer
 * @param generation sampling and per-step length
 * @param sessions   where sessions are stored; null keeps them in memory for the connection only
 */
public record AgentSetup(ToolRegistry tools, ToolContext toolBase, AgentLimits limits, GenerationSettings generation,
                         SessionStore sessions) {
    public AgentSetup {
        Objects.requireNonNull(tools, "tools");
        Objects.requireNonNull(toolBase, "toolBase");
        Objects.requireNonNull(limits, "limits");
        Objects.requireNonNull(generation, "generation");
    }
}

package dev.gannet.runtime.agent;

import dev.gannet.runtime.backend.GenerationSettings;
import dev.gannet.tools.ToolContext;
import java.util.Objects;

/**
 * How an agent works for one session.
 *
 * @param limits     when a turn stops without an answer
 * @param generation sampling and per-step length
 * @param tools      where tools run (workspace, mode, sandbox, limits)
 */
public record AgentSettings(AgentLimits limits, GenerationSettings generation, ToolContext tools) {
    public AgentSettings {
        Objects.requireNonNull(limits, "limits");
        Objects.requireNonNull(generation, "generation");
        Objects.requireNonNull(tools, "tools");
    }
}

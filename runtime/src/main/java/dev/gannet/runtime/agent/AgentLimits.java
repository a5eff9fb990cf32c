package dev.gannet.runtime.agent;

import java.time.Duration;
import java.util.Objects;

/**
 * When a turn stops even without an answer.
 *
 * @param maxSteps            model calls per turn (each step is one completion, with or without tool calls)
 * @param maxCompletionTokens tokens generated over all steps of a turn
 * @param wallClock           time for the whole turn, tools included
 */
public record AgentLimits(int maxSteps, int maxCompletionTokens, Duration wallClock) {
    public static final AgentLimits DEFAULT = new AgentLimits(8, 4096, Duration.ofMinutes(10));

    public AgentLimits {
        Objects.requireNonNull(wallClock, "wallClock");
        if (maxSteps < 1) {
            throw new IllegalArgumentException("the step limit must be at least 1, was " + maxSteps);
        }
        if (maxCompletionTokens < 1) {
            throw new IllegalArgumentException("the token limit must be at least 1, was " + maxCompletionTokens);
        }
        if (wallClock.isNegative() || wallClock.isZero()) {
            throw new IllegalArgumentException("the time limit must be positive, was " + wallClock);
        }
    }

    public AgentLimits withMaxSteps(int steps) {
        return new AgentLimits(steps, maxCompletionTokens, wallClock);
    }
}

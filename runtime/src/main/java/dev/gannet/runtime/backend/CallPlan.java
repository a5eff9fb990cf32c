package dev.gannet.runtime.backend;

import dev.gannet.prompts.grammar.ToolCallConstraint;
import java.util.Objects;

/**
 * How the calls of one turn are constrained.
 *
 * @param constraint   the lazy grammar: free text until a call starts, then only tokens that keep it valid
 * @param forcedTokens tokens the turn must begin with (a call's trigger, for tool_choice required or
 *                     named); empty when the model may answer instead
 */
record CallPlan(ToolCallConstraint constraint, int[] forcedTokens) {
    CallPlan {
        Objects.requireNonNull(constraint, "constraint");
        Objects.requireNonNull(forcedTokens, "forcedTokens");
    }
}

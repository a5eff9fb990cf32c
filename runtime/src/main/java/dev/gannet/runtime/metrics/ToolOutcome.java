package dev.gannet.runtime.metrics;

import java.util.Locale;

/** How a tool call ended, as {@code /metrics} labels it. */
public enum ToolOutcome {
    /** The tool ran and succeeded. */
    OK,
    /** The tool ran and reported a failure (a missing file, a command's non-zero exit, a timeout). */
    FAILED,
    /** The call never ran: invalid arguments, an unknown tool, or the repeated-call guard. */
    REFUSED,
    /** The run was cancelled while the tool was running. */
    CANCELLED;

    /** The label value: the name in lower case. */
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }
}

package dev.gannet.tools;

import java.util.Arrays;
import java.util.Locale;

/**
 * What the tools may change. The default, {@link #READ_ONLY}, offers only tools that cannot modify
 * the workspace and runs commands with the workspace mounted read-only; {@link #WORKSPACE_WRITE}
 * adds {@code write_file} and {@code edit_file} and mounts the workspace read-write.
 */
public enum ToolMode {
    READ_ONLY("read-only"),
    WORKSPACE_WRITE("workspace-write");

    private final String wireName;

    ToolMode(String wireName) {
        this.wireName = wireName;
    }

    /** The name users and configuration files write: {@code read-only} or {@code workspace-write}. */
    public String wireName() {
        return wireName;
    }

    /** Whether a tool that needs {@code required} may run in this mode. */
    public boolean permits(ToolMode required) {
        return this.ordinal() >= required.ordinal();
    }

    /** Parses a wire name; the message lists the accepted names. */
    public static ToolMode fromWireName(String name) {
        for (ToolMode mode : values()) {
            if (mode.wireName.equals(name.toLowerCase(Locale.ROOT))) {
                return mode;
            }
        }
        throw new IllegalArgumentException("unknown tool mode '" + name + "'; expected one of "
                + Arrays.stream(values()).map(ToolMode::wireName).toList());
    }
}

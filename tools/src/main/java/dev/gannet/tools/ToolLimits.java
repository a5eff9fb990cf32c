package dev.gannet.tools;

import java.time.Duration;
import java.util.Objects;

/**
 * The caps every tool call runs under.
 *
 * @param commandTimeout       how long {@code run_command} lets a command run when the call names no timeout
 * @param maxCommandTimeout    the longest timeout a call may ask for
 * @param outputBytes          the most text one result hands the model; longer output is cut with a marker
 * @param commandOutputKillBytes how much output a command may produce before it is killed (the result keeps
 *                             its head and tail); protects the runtime from a command printing without end
 * @param memoryBytes          the address space each sandboxed process may map ({@code ulimit -v})
 * @param processes            how many processes the sandbox user may have at once ({@code ulimit -u})
 * @param fileSizeBytes        the largest file a sandboxed process may write ({@code ulimit -f}), and the
 *                             largest content {@code write_file} accepts
 */
public record ToolLimits(
        Duration commandTimeout,
        Duration maxCommandTimeout,
        int outputBytes,
        long commandOutputKillBytes,
        long memoryBytes,
        int processes,
        long fileSizeBytes) {

    private static final long MIB = 1024L * 1024;

    public ToolLimits {
        Objects.requireNonNull(commandTimeout, "commandTimeout");
        Objects.requireNonNull(maxCommandTimeout, "maxCommandTimeout");
        requirePositive(commandTimeout.toMillis(), "commandTimeout");
        requirePositive(maxCommandTimeout.toMillis(), "maxCommandTimeout");
        if (commandTimeout.compareTo(maxCommandTimeout) > 0) {
            throw new IllegalArgumentException("commandTimeout " + commandTimeout
                    + " exceeds maxCommandTimeout " + maxCommandTimeout);
        }
        requirePositive(outputBytes, "outputBytes");
        if (commandOutputKillBytes < outputBytes) {
            throw new IllegalArgumentException("commandOutputKillBytes must be at least outputBytes");
        }
        requirePositive(memoryBytes, "memoryBytes");
        requirePositive(processes, "processes");
        requirePositive(fileSizeBytes, "fileSizeBytes");
    }

    /**
     * Defaults for an interactive agent: a minute per command (ten at most), 128 KiB of text per
     * result, 16 MiB of command output before the kill, 8 GiB of address space (a JVM reserves
     * several GiB of virtual memory at start, so a smaller cap breaks {@code java} and
     * {@code mvn}), 512 processes, 1 GiB files.
     */
    public static ToolLimits defaults() {
        return new ToolLimits(Duration.ofSeconds(60), Duration.ofMinutes(10), 128 * 1024, 16 * MIB,
                8192 * MIB, 512, 1024 * MIB);
    }

    public ToolLimits withCommandTimeout(Duration timeout) {
        Duration max = timeout.compareTo(maxCommandTimeout) > 0 ? timeout : maxCommandTimeout;
        return new ToolLimits(timeout, max, outputBytes, commandOutputKillBytes, memoryBytes, processes, fileSizeBytes);
    }

    public ToolLimits withOutputBytes(int bytes, long killBytes) {
        return new ToolLimits(commandTimeout, maxCommandTimeout, bytes, killBytes, memoryBytes, processes, fileSizeBytes);
    }

    public ToolLimits withMemoryBytes(long bytes) {
        return new ToolLimits(commandTimeout, maxCommandTimeout, outputBytes, commandOutputKillBytes, bytes, processes, fileSizeBytes);
    }

    public ToolLimits withProcesses(int count) {
        return new ToolLimits(commandTimeout, maxCommandTimeout, outputBytes, commandOutputKillBytes, memoryBytes, count, fileSizeBytes);
    }

    public ToolLimits withFileSizeBytes(long bytes) {
        return new ToolLimits(commandTimeout, maxCommandTimeout, outputBytes, commandOutputKillBytes, memoryBytes, processes, bytes);
    }

    private static void requirePositive(long value, String name) {
        if (value <= 0) {
            throw new IllegalArgumentException(name + " must be positive, got " + value);
        }
    }
}

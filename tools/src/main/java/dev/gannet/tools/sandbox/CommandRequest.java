package dev.gannet.tools.sandbox;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

/**
 * One command to run.
 *
 * @param command       the shell command line, run by {@code bash -c}
 * @param workspace     the workspace root (a real path), the command's working directory
 * @param writable      whether the workspace is mounted read-write
 * @param timeout       when the whole process tree is killed
 * @param limits        the resource limits applied inside
 * @param environment   the complete environment the command sees
 */
public record CommandRequest(
        String command,
        Path workspace,
        boolean writable,
        Duration timeout,
        ResourceLimits limits,
        Map<String, String> environment) {

    public CommandRequest {
        environment = Map.copyOf(environment);
    }
}

package dev.gannet.tools.sandbox;

import java.nio.file.Path;
import java.util.List;

/**
 * The argument vector that applies the resource limits and then runs the command: a shell sets
 * the limits with {@code ulimit} (they hold for everything it starts) and replaces itself with a
 * second shell running the command. The command is passed as a separate argument ({@code $1}),
 * never spliced into the script, so no quoting in it can change what the prelude does.
 */
final class LimitedShell {
    /** What {@code $0} reads inside the prelude; it names the sandbox in error messages. */
    static final String ARGV0 = "gannet-sandbox";

    private LimitedShell() {
    }

    static List<String> argv(Path shell, ResourceLimits limits, String command) {
        String prelude = String.join(" && ",
                "ulimit -c 0",
                "ulimit -u " + limits.processes(),
                "ulimit -v " + Math.max(1, limits.addressSpaceBytes() / 1024),
                "ulimit -t " + Math.max(1, limits.cpuSeconds()),
                "ulimit -f " + Math.max(1, limits.fileSizeBytes() / 1024))
                + " || { echo \"" + ARGV0 + ": cannot set resource limits\" >&2; exit 126; }; "
                + "exec " + shell + " -c \"$1\"";
        return List.of(shell.toString(), "-c", prelude, ARGV0, command);
    }
}

package dev.gannet.tools.sandbox;

import dev.gannet.tools.SandboxPolicy;
import dev.gannet.tools.ToolError;
import dev.gannet.tools.ToolException;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * Runs commands under bubblewrap, or, only when the user explicitly chose
 * {@link SandboxPolicy#UNSANDBOXED_BY_USER_REQUEST}, directly. Without a working bubblewrap a
 * command is refused with a message saying how to install it. Thread-safe; one per runtime.
 */
public final class Sandbox {
    /** What a user reads when bubblewrap is missing. */
    public static final String INSTALL_HINT = "bubblewrap is not installed, so run_command refuses to run anything. "
            + "Install it (Debian/Ubuntu: apt-get install bubblewrap; Fedora: dnf install bubblewrap; "
            + "Arch: pacman -S bubblewrap), or, at your own risk, start Gannet with the sandbox explicitly "
            + "turned off (sandbox policy 'unsandboxed')";

    private final HostLayout host;
    /** Whether bubblewrap worked, per workspace (the probe binds it); checked once each. */
    private final ConcurrentMap<Path, Optional<String>> probes = new ConcurrentHashMap<>();

    public Sandbox(HostLayout host) {
        this.host = host;
    }

    /** A sandbox for this machine as it is now. */
    public static Sandbox detect() {
        return new Sandbox(HostLayout.probe());
    }

    public HostLayout host() {
        return host;
    }

    /**
     * Runs a command under the policy.
     *
     * @throws ToolException {@link ToolError#SANDBOX_UNAVAILABLE} when the policy requires bubblewrap
     *                       and it is missing or does not work here
     */
    public CommandOutcome run(CommandRequest request, SandboxPolicy policy) throws ToolException {
        List<String> argv = switch (policy) {
            case BUBBLEWRAP_REQUIRED -> sandboxedArgv(request);
            case UNSANDBOXED_BY_USER_REQUEST -> LimitedShell.argv(host.shell(), request.limits(), request.command());
        };
        try {
            return ProcessRunner.run(argv, request.workspace(), request.environment(), request.timeout(), request.limits());
        } catch (IOException e) {
            throw new ToolException(ToolError.IO_ERROR, "cannot start the command: " + e.getMessage(), e);
        }
    }

    private List<String> sandboxedArgv(CommandRequest request) throws ToolException {
        Path bubblewrap = host.bubblewrap().orElseThrow(() ->
                new ToolException(ToolError.SANDBOX_UNAVAILABLE, INSTALL_HINT));
        Optional<String> problem = probes.computeIfAbsent(request.workspace(),
                workspace -> SandboxProbe.check(host, bubblewrap, workspace));
        if (problem.isPresent()) {
            throw new ToolException(ToolError.SANDBOX_UNAVAILABLE, "run_command refuses to run unsandboxed: "
                    + problem.get());
        }
        return BubblewrapCommand.argv(host, bubblewrap, request);
    }
}

package dev.gannet.tools.sandbox;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * Runs the sandbox once around {@code true} to learn whether bubblewrap works on this machine: it
 * can be installed yet unusable (user namespaces disabled by sysctl or AppArmor, no setpriv, a
 * container without the needed capabilities). Answers with bubblewrap's own complaint if not.
 */
final class SandboxProbe {
    private SandboxProbe() {
    }

    /** Empty when the sandbox works; otherwise what went wrong. */
    static Optional<String> check(HostLayout host, Path bubblewrap, Path workspace) {
        if (host.runningAsRoot() && host.setpriv().isEmpty()) {
            return Optional.of("this process runs as root and setpriv (util-linux) is missing; it is needed "
                    + "to run commands as an unprivileged user, without which process limits do not hold");
        }
        List<String> argv = BubblewrapCommand.probeArgv(host, bubblewrap, workspace);
        try {
            Process process = new ProcessBuilder(argv).redirectErrorStream(true).start();
            process.getOutputStream().close();
            // bubblewrap says at most a line or two, far less than a pipe holds, so it cannot block
            // on its output while we wait for it to end.
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                ProcessRunner.killTree(process);
                return Optional.of("bubblewrap did not finish a trivial command within 30 s");
            }
            byte[] output = process.getInputStream().readNBytes(4096);
            if (process.exitValue() != 0) {
                String said = new String(output, StandardCharsets.UTF_8).strip();
                return Optional.of("bubblewrap cannot create the sandbox here (exit status " + process.exitValue()
                        + (said.isEmpty() ? "" : ": " + said) + "); if user namespaces are disabled, enable them "
                        + "(sysctl kernel.unprivileged_userns_clone=1, or allow bwrap in AppArmor)");
            }
            return Optional.empty();
        } catch (IOException e) {
            return Optional.of("cannot start bubblewrap: " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.of("interrupted while checking bubblewrap");
        }
    }
}

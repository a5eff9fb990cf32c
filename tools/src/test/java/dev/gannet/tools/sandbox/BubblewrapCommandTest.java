package dev.gannet.tools.sandbox;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The command lines themselves, for a root and a non-root host, without running them. */
class BubblewrapCommandTest {
    @TempDir
    Path workspace;

    private static final ResourceLimits LIMITS = new ResourceLimits(64, 1L << 30, 5, 1L << 20, 1000, 10_000);

    private HostLayout host(boolean root) {
        return new HostLayout(root, Optional.of(Path.of("/usr/bin/bwrap")), Optional.of(Path.of("/usr/bin/setpriv")),
                Path.of("/bin/bash"),
                List.of(new HostLayout.SystemPath(Path.of("/usr"), Optional.empty()),
                        new HostLayout.SystemPath(Path.of("/bin"), Optional.of("usr/bin"))),
                List.of(Path.of("/etc/shadow")), List.of(Path.of("/etc/ssh")));
    }

    private CommandRequest request(boolean writable) {
        return new CommandRequest("echo 'a b' \"$HOME\"; rm -rf /", workspace, writable, Duration.ofSeconds(3), LIMITS, Map.of());
    }

    @Test
    void unprivilegedHostUsesAUserNamespaceAndNoSetpriv() {
        List<String> argv = BubblewrapCommand.argv(host(false), Path.of("/usr/bin/bwrap"), request(false));
        assertEquals("/usr/bin/bwrap", argv.getFirst());
        assertTrue(argv.contains("--unshare-user"));
        for (String flag : List.of("--unshare-net", "--unshare-pid", "--unshare-ipc", "--unshare-uts", "--die-with-parent", "--new-session")) {
            assertTrue(argv.contains(flag), flag);
        }
        assertFalse(argv.contains("/usr/bin/setpriv"));
        assertFalse(argv.contains("--cap-add"));
        assertTrue(containsSequence(argv, "--ro-bind", "/usr", "/usr"));
        assertTrue(containsSequence(argv, "--symlink", "usr/bin", "/bin"));
        assertTrue(containsSequence(argv, "--ro-bind", "/dev/null", "/etc/shadow"));
        assertTrue(containsSequence(argv, "--tmpfs", "/etc/ssh"));
        assertTrue(containsSequence(argv, "--ro-bind", workspace.toString(), workspace.toString()));
        assertTrue(containsSequence(argv, "--chdir", workspace.toString()));
    }

    @Test
    void rootHostDropsToNobodyWithoutAUserNamespace() {
        List<String> argv = BubblewrapCommand.argv(host(true), Path.of("/usr/bin/bwrap"), request(false));
        assertFalse(argv.contains("--unshare-user"), "a user namespace mapped to root would exempt it from RLIMIT_NPROC");
        assertTrue(containsSequence(argv, "--cap-drop", "ALL"));
        assertFalse(argv.contains("CAP_DAC_OVERRIDE"));
        assertTrue(containsSequence(argv, "--cap-add", "CAP_DAC_READ_SEARCH"), "to read a root-owned workspace");
        int separator = argv.indexOf("--");
        assertEquals("/usr/bin/setpriv", argv.get(separator + 1));
        assertTrue(argv.contains("--reuid=65534") && argv.contains("--regid=65534") && argv.contains("--no-new-privs"));
        assertTrue(argv.contains("--inh-caps=-all,+dac_read_search") && argv.contains("--bounding-set=-all,+dac_read_search"));
    }

    @Test
    void writableModeBindsTheWorkspaceReadWriteButGitReadOnly() throws Exception {
        Files.createDirectories(workspace.resolve(".git"));
        List<String> argv = BubblewrapCommand.argv(host(true), Path.of("/usr/bin/bwrap"), request(true));
        assertTrue(containsSequence(argv, "--bind", workspace.toString(), workspace.toString()));
        String git = workspace.resolve(".git").toString();
        assertTrue(containsSequence(argv, "--ro-bind", git, git));
        assertTrue(argv.indexOf("--bind") < argv.lastIndexOf(git), "the read-only .git must be mounted over the writable workspace");
        assertTrue(containsSequence(argv, "--cap-add", "CAP_DAC_OVERRIDE"));
        assertTrue(argv.contains("--ambient-caps=+dac_override"));
    }

    @Test
    void theCommandIsAnArgumentNeverPartOfTheScript() {
        List<String> argv = LimitedShell.argv(Path.of("/bin/bash"), LIMITS, "echo 'a b' \"$HOME\"; rm -rf /");
        assertEquals(5, argv.size());
        assertEquals(List.of("/bin/bash", "-c"), argv.subList(0, 2));
        assertEquals("ulimit -c 0 && ulimit -u 64 && ulimit -v 1048576 && ulimit -t 5 && ulimit -f 1024"
                + " || { echo \"gannet-sandbox: cannot set resource limits\" >&2; exit 126; }; exec /bin/bash -c \"$1\"", argv.get(2));
        assertEquals("gannet-sandbox", argv.get(3));
        assertEquals("echo 'a b' \"$HOME\"; rm -rf /", argv.get(4));
    }

    private static boolean containsSequence(List<String> argv, String... sequence) {
        return Collections.indexOfSubList(argv, List.of(sequence)) >= 0;
    }
}

package dev.gannet.tools.escape;

import static dev.gannet.tools.testing.Calls.args;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.gannet.tools.SandboxPolicy;
import dev.gannet.tools.ToolContext;
import dev.gannet.tools.ToolError;
import dev.gannet.tools.ToolLimits;
import dev.gannet.tools.ToolMode;
import dev.gannet.tools.ToolRegistry;
import dev.gannet.tools.ToolResult;
import dev.gannet.tools.sandbox.HostLayout;
import dev.gannet.tools.sandbox.Sandbox;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * Hostile tool calls, each made through the tool interface as a model would make it, each of
 * which must be contained with the reason in the result. Needs bubblewrap: where it is missing the
 * suite fails (it never skips), and .ci/run installs it.
 *
 * <p>Layout of every test: {@code temp/ws} is the workspace (a git repository with a file
 * {@code .git/config}), {@code temp/outside} holds {@code victim.txt} and {@code secret.txt}, which
 * no call may read, change or delete.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class EscapeSuiteTest {
    private static final String SECRET = "gannet-outside-secret-" + UUID.randomUUID();
    /** Set by surefire (tools/pom.xml) in this JVM's environment; a command must never see it. */
    private static final String ENV_SECRET_NAME = "GANNET_ESCAPE_TEST_SECRET";

    private final Sandbox sandbox = Sandbox.detect();
    private final ToolRegistry registry = ToolRegistry.builtins(sandbox);
    private final EscapeReport report = new EscapeReport();

    @TempDir
    Path temp;
    Path ws;
    Path outside;
    ToolContext readOnly;
    ToolContext writable;

    @BeforeEach
    void layout() throws IOException {
        ws = Files.createDirectories(temp.resolve("ws")).toRealPath();
        outside = Files.createDirectories(temp.resolve("outside")).toRealPath();
        Files.writeString(outside.resolve("secret.txt"), SECRET + "\n");
        Files.writeString(outside.resolve("victim.txt"), "victim\n");
        Files.createDirectories(ws.resolve("sub/deeper"));
        Files.writeString(ws.resolve("sub/inside.txt"), "inside\n");
        Files.createDirectories(ws.resolve(".git/hooks"));
        Files.writeString(ws.resolve(".git/config"), "[core]\n");
        Files.writeString(ws.resolve(".git/HEAD"), "ref: refs/heads/main\n");
        ToolLimits limits = ToolLimits.defaults().withCommandTimeout(Duration.ofSeconds(20));
        readOnly = ToolContext.readOnly(ws).withLimits(limits);
        writable = readOnly.withMode(ToolMode.WORKSPACE_WRITE);
    }

    @AfterAll
    void writeReport() throws IOException {
        report.write(Path.of("target/escape-report.md"));
    }

    @Test
    void bubblewrapIsInstalledAndWorks() {
        HostLayout host = sandbox.host();
        assertTrue(host.bubblewrap().isPresent(), "bubblewrap (bwrap) is missing on this machine: the escape suite "
                + "needs it. Install it with 'apt-get install bubblewrap' (.ci/run does this before the tests)");
        ToolResult result = registry.execute("run_command", args("command", "echo sandboxed"), readOnly);
        assertTrue(result.ok(), "bubblewrap is installed but the sandbox does not start: " + result.text());
        assertTrue(result.text().contains("sandboxed"));
    }

    // ---- path traversal, in every form, through every tool that takes a path -------------------

    @Test
    void pathTraversalIsRefusedInEveryForm() {
        List<String> forms = List.of("../outside/secret.txt", "sub/../../outside/secret.txt", "./../outside/secret.txt",
                "sub/./deeper/../../../outside/secret.txt", "sub//..//..//outside/secret.txt", "..", "../",
                "../../../../../../../../etc/passwd", outside.resolve("secret.txt").toString(), "/etc/passwd",
                ws + "/../outside/secret.txt", ws + "/sub/../../outside/secret.txt", "/proc/self/environ");
        for (String form : forms) {
            for (String tool : List.of("read_file", "list_files", "grep")) {
                ObjectNode arguments = tool.equals("grep") ? args("pattern", "gannet", "path", form) : args("path", form);
                ToolResult result = registry.execute(tool, arguments, readOnly);
                assertRefused(result, form);
                if (tool.equals("read_file")) {
                    report.add("path traversal: " + form.replace(ws.toString(), "$WS").replace(outside.toString(), "$OUT"),
                            "read_file(path)", result, "path resolution");
                }
            }
            ToolResult write = registry.execute("write_file", args("path", form + "/new.txt", "content", "pwned"), writable);
            assertFalse(write.ok(), form);
            ToolResult edit = registry.execute("edit_file", args("path", form, "old_text", "gannet", "new_text", "x"), writable);
            assertFalse(edit.ok(), form);
        }
        assertOutsideUntouched();
    }

    @Test
    void nulBytesAndEncodedTraversalAreNotPaths() {
        ToolResult nul = registry.execute("read_file", args("path", "sub/inside.txt\u0000../../outside/secret.txt"), readOnly);
        assertEquals(Optional.of(ToolError.PATH_REFUSED), nul.error());
        assertTrue(nul.text().contains("NUL"), nul.text());
        report.add("NUL byte in a path", "read_file(\"sub/inside.txt\\0../..\")", nul, "path resolution");
        // Percent-encoding and backslashes are plain characters on Linux: no such file, nothing read.
        for (String literal : List.of("%2e%2e/outside/secret.txt", "..\\outside\\secret.txt", "~/secret.txt")) {
            ToolResult result = registry.execute("read_file", args("path", literal), readOnly);
            assertEquals(Optional.of(ToolError.NOT_FOUND), result.error(), literal);
            assertFalse(result.text().contains(SECRET));
        }
    }

    @Test
    void deviceFilesAndFifosAreRefused() throws Exception {
        Processes.mkfifo(ws.resolve("pipe"));
        ToolResult fifo = registry.execute("read_file", args("path", "pipe"), readOnly);
        assertEquals(Optional.of(ToolError.PATH_REFUSED), fifo.error(), fifo.text());
        assertTrue(fifo.text().contains("device file, FIFO or socket"), fifo.text());
        report.add("read a FIFO in the workspace (would block forever)", "read_file(\"pipe\")", fifo, "path resolution");
        ToolResult device = registry.execute("read_file", args("path", "/dev/zero"), readOnly);
        assertEquals(Optional.of(ToolError.PATH_REFUSED), device.error());
        report.add("read a device file", "read_file(\"/dev/zero\")", device, "path resolution");
        Files.createSymbolicLink(ws.resolve("zero"), Path.of("/dev/zero"));
        ToolResult viaLink = registry.execute("read_file", args("path", "zero"), readOnly);
        assertEquals(Optional.of(ToolError.PATH_REFUSED), viaLink.error());
        ToolResult grep = registry.execute("grep", args("pattern", "x"), readOnly);
        assertTrue(grep.ok(), "grep must skip the FIFO, not block on it: " + grep.text());
        Files.delete(ws.resolve("zero")); // JUnit warns about links out of its temp directory
    }

    // ---- symbolic links -------------------------------------------------------------------------

    @Test
    void symlinkEscapesAreRefused() throws IOException {
        Files.createSymbolicLink(ws.resolve("file-link"), outside.resolve("secret.txt"));
        Files.createSymbolicLink(ws.resolve("dir-link"), outside);
        Files.createSymbolicLink(ws.resolve("relative-link"), Path.of("../outside/secret.txt"));
        Files.createSymbolicLink(ws.resolve("sub/deeper/up-link"), Path.of("../../../outside"));
        Files.createSymbolicLink(ws.resolve("dangling-link"), outside.resolve("not-yet.txt"));
        Files.createSymbolicLink(ws.resolve("chain-a"), Path.of("chain-b"));
        Files.createSymbolicLink(ws.resolve("chain-b"), Path.of("sub/deeper/up-link"));
        Files.createSymbolicLink(ws.resolve("loop-a"), Path.of("loop-b"));
        Files.createSymbolicLink(ws.resolve("loop-b"), Path.of("loop-a"));
        Files.createSymbolicLink(ws.resolve("root-link"), Path.of("/"));

        record Attempt(String what, String tool, ObjectNode arguments, ToolContext context) {
        }
        List<Attempt> attempts = List.of(
                new Attempt("symlink to a file outside", "read_file", args("path", "file-link"), readOnly),
                new Attempt("symlink to a directory outside", "read_file", args("path", "dir-link/secret.txt"), readOnly),
                new Attempt("relative symlink climbing out", "read_file", args("path", "relative-link"), readOnly),
                new Attempt("symlink deep in the tree climbing out", "list_files", args("path", "sub/deeper/up-link"), readOnly),
                new Attempt("chain of symlinks leading out", "read_file", args("path", "chain-a/secret.txt"), readOnly),
                new Attempt("symlink loop", "read_file", args("path", "loop-a"), readOnly),
                new Attempt("symlink to /", "read_file", args("path", "root-link/etc/passwd"), readOnly),
                new Attempt("grep through a symlinked directory", "grep", args("pattern", "secret", "path", "dir-link"), readOnly),
                new Attempt("write through a dangling symlink", "write_file", args("path", "dangling-link", "content", "pwned"), writable),
                new Attempt("write through a symlinked directory", "write_file", args("path", "dir-link/new.txt", "content", "pwned"), writable),
                new Attempt("edit through a symlink", "edit_file",
                        args("path", "file-link", "old_text", "gannet", "new_text", "pwned"), writable));
        for (Attempt attempt : attempts) {
            ToolResult result = registry.execute(attempt.tool(), attempt.arguments(), attempt.context());
            assertRefused(result, attempt.what());
            report.add(attempt.what(), attempt.tool() + "(" + attempt.arguments().path("path").asText() + ")",
                    result, "path resolution (every link followed and checked)");
        }
        assertFalse(Files.exists(outside.resolve("not-yet.txt")), "the dangling link's target was created");
        assertFalse(Files.exists(outside.resolve("new.txt")));

        // Walks list links but never follow them: the secret behind them is never searched.
        ToolResult grep = registry.execute("grep", args("pattern", "gannet-outside-secret"), readOnly);
        assertTrue(grep.ok(), grep.text());
        assertFalse(grep.text().contains(SECRET), grep.text());
        report.add("grep the workspace holding links to the secret", "grep(\"gannet-outside-secret\")", grep,
                "walks never follow symlinks");
        ToolResult list = registry.execute("list_files", args(), readOnly);
        assertTrue(list.text().contains("dir-link@"), list.text());
        assertFalse(list.text().contains("secret.txt"), list.text());
        assertOutsideUntouched();
        Files.delete(ws.resolve("root-link")); // JUnit warns about links out of its temp directory
    }

    @Test
    void symlinksInsideTheWorkspaceStillWork() throws IOException {
        Files.createSymbolicLink(ws.resolve("inner-link"), Path.of("sub/inside.txt"));
        ToolResult result = registry.execute("read_file", args("path", "inner-link"), readOnly);
        assertTrue(result.ok(), result.text());
        assertTrue(result.text().contains("inside"));
    }

    // ---- the sandboxed command -----------------------------------------------------------------

    @Test
    void commandsDoNotSeeTheParentsEnvironment() {
        String secret = System.getenv(ENV_SECRET_NAME);
        assertNotNull(secret, ENV_SECRET_NAME + " must be set by surefire (tools/pom.xml) for this test");
        ToolResult result = registry.execute("run_command", args("command",
                "echo \"var=[$" + ENV_SECRET_NAME + "]\"; env; cat /proc/*/environ 2>/dev/null | tr '\\0' '\\n'; "
                        + "cat /proc/1/environ 2>/dev/null"), readOnly);
        assertTrue(result.ok(), result.text());
        assertTrue(result.text().contains("var=[]"), result.text());
        assertFalse(result.text().contains(secret), "the parent's secret leaked into the sandbox");
        report.add("read a secret from the parent's environment", "run_command(\"echo $" + ENV_SECRET_NAME + "; env; cat /proc/*/environ\")",
                result, "environment cleared to an allow-list; own PID namespace");
    }

    @Test
    void commandsReadNoMoreOfTheSystemThanAnyUserCould() throws IOException {
        ToolResult result = registry.execute("run_command", args("command",
                "cat /etc/shadow /etc/gshadow; ls /etc/ssl/private; ls /root /home; id -u"), readOnly);
        assertFalse(result.text().contains("root:"), result.text());
        if (Files.isReadable(Path.of("/etc/shadow"))) {
            assertTrue(sandbox.host().maskedFiles().contains(Path.of("/etc/shadow")), "shadow must be masked");
        }
        String uid = result.text().strip().lines().reduce((a, b) -> b).orElseThrow();
        assertFalse(uid.equals("0"), "commands must not run as root: " + result.text());
        report.add("read password hashes and private keys", "run_command(\"cat /etc/shadow; ls /etc/ssl/private /root\")",
                result, "non-world-readable /etc entries masked; /root, /home not mounted; uid " + uid);
    }

    @Test
    void loopbackPortsOfTheHostCannotBeReached() throws Exception {
        try (ServerSocket server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
            server.setSoTimeout(500); // the command has ended by then: a connection would be queued already
            int port = server.getLocalPort();
            ToolResult result = registry.execute("run_command", args("command",
                    "exec 3<>/dev/tcp/127.0.0.1/" + port + " && echo CONNECTED; "
                            + "cat < /dev/tcp/localhost/" + port + " && echo CONNECTED"), readOnly);
            assertFalse(result.text().contains("CONNECTED"), result.text());
            try (Socket accepted = server.accept()) {
                fail("the sandbox connected to the host's loopback port " + port + " from " + accepted);
            } catch (SocketTimeoutException expected) {
                // no connection arrived
            }
            report.add("connect to a loopback port the test opened", "run_command(\"exec 3<>/dev/tcp/127.0.0.1/PORT\")",
                    result, "--unshare-net (own network namespace)");
        }
    }

    @Test
    void forkBombIsContainedAndCleanedUp() throws Exception {
        String marker = "bomb_" + UUID.randomUUID().toString().replace("-", "");
        ToolContext tight = readOnly.withLimits(readOnly.limits().withProcesses(64).withCommandTimeout(Duration.ofSeconds(3)));
        long start = System.nanoTime();
        ToolResult result = registry.execute("run_command",
                args("command", marker + "(){ " + marker + "|" + marker + "& };" + marker + "; sleep 30"), tight);
        Duration took = Duration.ofNanos(System.nanoTime() - start);
        assertFalse(result.ok());
        assertEquals(Optional.of(ToolError.TIMED_OUT), result.error(), result.text());
        assertTrue(took.compareTo(Duration.ofSeconds(15)) < 0, "took " + took);
        assertTrue(result.text().contains("Resource temporarily unavailable"),
                "the process limit should have refused forks: " + result.text());
        assertNoProcessMentions(marker);
        ToolResult after = registry.execute("run_command", args("command", "echo still-alive"), readOnly);
        assertTrue(after.ok() && after.text().contains("still-alive"), after.text());
        report.add("fork bomb", "run_command(\":(){ :|:& };:\") with processes=64, timeout 3 s", result,
                "ulimit -u 64, the timeout, PID namespace torn down");
    }

    @Test
    void infiniteLoopIsKilledAtTheTimeout() throws Exception {
        String marker = "loop_" + UUID.randomUUID().toString().replace("-", "");
        long start = System.nanoTime();
        ToolResult result = registry.execute("run_command",
                args("command", marker + "=1; while :; do :; done", "timeout_s", 1), readOnly);
        Duration took = Duration.ofNanos(System.nanoTime() - start);
        assertEquals(Optional.of(ToolError.TIMED_OUT), result.error(), result.text());
        assertTrue(result.text().startsWith("killed: the time limit of 1 s passed"), result.text());
        assertTrue(took.compareTo(Duration.ofSeconds(6)) < 0, "took " + took);
        assertNoProcessMentions(marker);
        report.add("infinite loop", "run_command(\"while :; do :; done\", timeout_s=1)", result,
                "timeout kills bwrap; the PID namespace dies with it");
    }

    @Test
    void backgroundProcessesDoNotOutliveTheCall() throws Exception {
        String marker = "daemon_" + UUID.randomUUID().toString().replace("-", "");
        ToolResult result = registry.execute("run_command",
                args("command", "(exec -a " + marker + " sleep 300 &) ; nohup sleep 300 >/dev/null 2>&1 & echo started"), readOnly);
        assertTrue(result.ok(), result.text());
        assertNoProcessMentions(marker);
        report.add("leave a daemon running", "run_command(\"(sleep 300 &); nohup sleep 300 &\")", result,
                "PID namespace torn down when the command exits");
    }

    @Test
    void gigabyteOfOutputIsCutFast() {
        long start = System.nanoTime();
        ToolResult result = registry.execute("run_command", args("command",
                "echo FIRST-LINE; head -c 1073741824 /dev/zero | tr '\\0' 'x'; echo LAST-LINE"), readOnly);
        Duration took = Duration.ofNanos(System.nanoTime() - start);
        assertEquals(Optional.of(ToolError.OUTPUT_LIMIT), result.error(), result.text().substring(0, 200));
        assertTrue(took.compareTo(Duration.ofSeconds(10)) < 0, "took " + took);
        assertTrue(result.truncated());
        assertTrue(result.text().contains("FIRST-LINE"), "the head is kept");
        assertTrue(result.text().contains("bytes of output omitted"));
        assertTrue(result.text().endsWith("xxxxxxxx"), "the tail is kept");
        long produced = result.data().get("output_bytes").asLong();
        assertTrue(produced < 1L << 30, "the command was stopped before its gigabyte: " + produced);
        assertTrue(result.text().length() < readOnly.limits().outputBytes() + 1000);
        report.add("a gigabyte of output", "run_command(\"head -c 1G /dev/zero | tr '\\\\0' x\")", result,
                "killed after " + readOnly.limits().commandOutputKillBytes() / (1024 * 1024)
                        + " MiB; head and tail kept (" + took.toMillis() + " ms)");
    }

    @Test
    void memoryLimitStopsAHog() {
        ToolContext small = readOnly.withLimits(readOnly.limits().withMemoryBytes(64L * 1024 * 1024));
        // Doubles a string to 2^27 bytes (128 MiB): twice what the limit allows.
        String allocate = "awk 'BEGIN { s = \"x\"; while (length(s) < 100000000) s = s s; print \"held \" length(s) }'";
        ToolResult result = registry.execute("run_command", args("command", allocate), small);
        assertFalse(result.text().contains("held 134217728"), result.text());
        assertTrue(result.text().contains("out of memory"), result.text());
        ToolResult unlimited = registry.execute("run_command", args("command", allocate), readOnly);
        assertTrue(unlimited.text().contains("held 134217728"), "without the limit it should succeed: " + unlimited.text());
        report.add("allocate 128 MiB with a 64 MiB limit", "run_command(\"awk 'BEGIN { s = \\\"x\\\"; while (...) s = s s }'\")",
                result, "ulimit -v");
    }

    // ---- writing and deleting -----------------------------------------------------------------

    @Test
    void commandsCannotWriteOrDeleteOutsideTheWorkspace() throws IOException {
        String command = "echo pwned > " + outside + "/new.txt; rm -f " + outside + "/victim.txt; "
                + "echo pwned > /usr/gannet-pwned; echo pwned > /etc/gannet-pwned; echo pwned > ~/gannet-pwned; "
                + "rm -rf " + outside + "; ls " + outside + "; true";
        for (ToolContext context : List.of(readOnly, writable)) {
            ToolResult result = registry.execute("run_command", args("command", command), context);
            assertTrue(result.ok(), result.text());
            assertOutsideUntouched();
            assertFalse(Files.exists(Path.of("/usr/gannet-pwned")));
            assertFalse(Files.exists(Path.of("/etc/gannet-pwned")));
            report.add("write and delete outside the workspace (" + context.mode().wireName() + ")",
                    "run_command(\"echo > $OUT/new.txt; rm -rf $OUT; echo > /usr/x\")", result,
                    "nothing outside is mounted writable; $OUT does not exist inside");
        }
        ToolResult readOnlyWrite = registry.execute("run_command", args("command", "echo pwned > sub/inside.txt"), readOnly);
        assertEquals("inside\n", Files.readString(ws.resolve("sub/inside.txt")));
        assertTrue(readOnlyWrite.text().contains("Read-only file system"), readOnlyWrite.text());
        report.add("write the workspace in read-only mode", "run_command(\"echo > sub/inside.txt\")", readOnlyWrite,
                "workspace bound read-only");
        ToolResult writeTool = registry.execute("write_file", args("path", "new.txt", "content", "x"), readOnly);
        assertEquals(Optional.of(ToolError.NOT_ALLOWED_IN_MODE), writeTool.error());
        report.add("write_file in read-only mode", "write_file(\"new.txt\")", writeTool, "mode check");
    }

    @Test
    void workspaceRootCannotBeDeleted() throws IOException {
        ToolResult readOnlyDelete = registry.execute("run_command", args("command", "rm -rf \"$PWD\" /usr/bin/env /etc/passwd; ls \"$PWD\""), readOnly);
        assertTrue(Files.exists(ws.resolve("sub/inside.txt")), "read-only mode lost a workspace file");
        assertOutsideUntouched();
        report.add("delete the workspace root and system files (read-only)", "run_command(\"rm -rf $PWD /usr/bin/env /etc/passwd\")",
                readOnlyDelete, "read-only mounts: nothing deleted");
        ToolResult writableDelete = registry.execute("run_command", args("command", "rm -rf \"$PWD\"; ls -a \"$PWD\""), writable);
        assertTrue(Files.isDirectory(ws), "the workspace root itself was deleted");
        assertEquals("[core]\n", Files.readString(ws.resolve(".git/config")), ".git lost its config");
        report.add("delete the workspace root (workspace-write)", "run_command(\"rm -rf $PWD\")", writableDelete,
                "the root is a mount point (EBUSY) and .git is bound read-only; other files may go, as the mode allows");
        for (String root : List.of(".", "", "sub/..", ws.toString())) {
            ToolResult write = registry.execute("write_file", args("path", root, "content", "x"), writable);
            assertFalse(write.ok(), root);
            assertTrue(Files.isDirectory(ws));
        }
        ToolResult write = registry.execute("write_file", args("path", ".", "content", "x"), writable);
        report.add("overwrite the workspace root", "write_file(\".\")", write, "path policy");
    }

    @Test
    void gitDirectoryIsNeverWritten() throws IOException {
        Files.createSymbolicLink(ws.resolve("git-link"), Path.of(".git"));
        record Attempt(String tool, ObjectNode arguments) {
        }
        List<Attempt> attempts = List.of(
                new Attempt("write_file", args("path", ".git/config", "content", "[core]\n\thooksPath = /tmp\n")),
                new Attempt("write_file", args("path", ".git/hooks/pre-commit", "content", "#!/bin/sh\nrm -rf /\n")),
                new Attempt("write_file", args("path", ".GIT/config", "content", "x")),
                new Attempt("write_file", args("path", "sub/../.git/config", "content", "x")),
                new Attempt("write_file", args("path", "git-link/config", "content", "x")),
                new Attempt("write_file", args("path", "sub/.git/config", "content", "x")),
                new Attempt("edit_file", args("path", ".git/HEAD", "old_text", "main", "new_text", "evil")));
        for (Attempt attempt : attempts) {
            ToolResult result = registry.execute(attempt.tool(), attempt.arguments(), writable);
            assertEquals(Optional.of(ToolError.PATH_REFUSED), result.error(), attempt.arguments() + ": " + result.text());
            assertTrue(result.text().contains(".git"), result.text());
            report.add("write under .git", attempt.tool() + "(" + attempt.arguments().get("path").asText() + ")",
                    result, "path policy");
        }
        ToolResult command = registry.execute("run_command", args("command",
                "echo '[alias]' >> .git/config; touch .git/hooks/post-checkout; rm -f .git/HEAD"), writable);
        assertEquals("[core]\n", Files.readString(ws.resolve(".git/config")));
        assertTrue(Files.exists(ws.resolve(".git/HEAD")));
        assertFalse(Files.exists(ws.resolve(".git/hooks/post-checkout")));
        report.add("write under .git from a command (workspace-write)", "run_command(\"echo >> .git/config\")",
                command, ".git bound read-only over the writable workspace");
    }

    @Test
    void withoutBubblewrapCommandsAreRefusedUnlessTheUserChoseOtherwise() {
        ToolRegistry bare = ToolRegistry.builtins(new Sandbox(sandbox.host().withoutBubblewrap()));
        ToolResult refused = bare.execute("run_command", args("command", "echo hello"), readOnly);
        assertEquals(Optional.of(ToolError.SANDBOX_UNAVAILABLE), refused.error());
        assertTrue(refused.text().contains("apt-get install bubblewrap"), refused.text());
        report.add("run a command where bubblewrap is missing", "run_command(\"echo hello\")", refused,
                "refused by default");
        ToolResult explicit = bare.execute("run_command", args("command", "echo hello"),
                readOnly.withSandbox(SandboxPolicy.UNSANDBOXED_BY_USER_REQUEST));
        assertTrue(explicit.ok(), explicit.text());
        assertTrue(explicit.text().startsWith("warning: this command ran WITHOUT a sandbox"), explicit.text());
        assertTrue(explicit.text().contains("hello"));
        assertFalse(explicit.data().get("sandboxed").asBoolean());
    }

    // ---- helpers -----------------------------------------------------------------------------------

    private void assertRefused(ToolResult result, String what) {
        assertFalse(result.ok(), what + " was not refused: " + result.text());
        assertTrue(result.error().orElseThrow() == ToolError.PATH_REFUSED
                        || result.error().orElseThrow() == ToolError.NOT_FOUND,
                what + ": unexpected " + result.error() + ": " + result.text());
        assertFalse(result.text().contains(SECRET), what + " leaked the secret");
    }

    private void assertOutsideUntouched() {
        try {
            assertEquals(SECRET + "\n", Files.readString(outside.resolve("secret.txt")));
            assertEquals("victim\n", Files.readString(outside.resolve("victim.txt")));
            try (var entries = Files.list(outside)) {
                assertEquals(2, entries.count(), "a file appeared outside the workspace");
            }
        } catch (IOException e) {
            fail("the directory outside the workspace was damaged: " + e);
        }
    }

    /** Waits up to two seconds for every process whose command line holds the marker to be gone. */
    private static void assertNoProcessMentions(String marker) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(2).toNanos();
        List<ProcessHandle> left;
        do {
            left = ProcessHandle.allProcesses()
                    .filter(p -> p.info().commandLine().map(c -> c.contains(marker)).orElse(false))
                    .toList();
            if (left.isEmpty()) {
                return;
            }
            Thread.sleep(100);
        } while (System.nanoTime() < deadline);
        left.forEach(ProcessHandle::destroyForcibly);
        fail(left.size() + " processes outlived their call: " + left.getFirst().info());
    }

    /** mkfifo through the system tool: Java has no API for it. */
    private static final class Processes {
        static void mkfifo(Path path) throws Exception {
            dev.gannet.tools.testing.Processes.run(path.getParent(), List.of("mkfifo", path.toString()));
            assertTrue(Files.exists(path), "mkfifo failed");
        }
    }
}

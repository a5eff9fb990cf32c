package dev.gannet.tools.builtin;

import static dev.gannet.tools.testing.Calls.args;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.gannet.tools.ToolContext;
import dev.gannet.tools.ToolError;
import dev.gannet.tools.ToolMode;
import dev.gannet.tools.ToolResult;
import dev.gannet.tools.sandbox.Sandbox;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Ordinary commands in the sandbox (the hostile ones are in the escape suite). */
class RunCommandToolTest {
    private static final RunCommandTool RUN = new RunCommandTool(Sandbox.detect());

    @TempDir
    Path temp;
    ToolContext context;

    @BeforeEach
    void workspace() throws IOException {
        Files.writeString(temp.resolve("data.txt"), "one\ntwo\nthree\n");
        context = ToolContext.readOnly(temp);
    }

    @Test
    void reportsExitStatusAndInterleavedOutput() {
        ToolResult result = RUN.execute(args("command", "echo out; echo err >&2; exit 3"), context);
        assertTrue(result.ok(), result.text());
        assertEquals("exit status: 3\nout\nerr\n", result.text());
        assertEquals(OptionalInt.of(3), result.exitStatus());
        assertEquals(3, result.data().get("exit_status").asInt());
        assertTrue(result.data().get("sandboxed").asBoolean());
    }

    @Test
    void runsInTheWorkspaceWithStandardInputClosed() {
        ToolResult result = RUN.execute(args("command", "pwd; wc -l < data.txt; cat; echo done"), context);
        assertEquals("exit status: 0\n" + context.workspaceRoot() + "\n3\ndone\n", result.text());
        ToolResult quiet = RUN.execute(args("command", "true"), context);
        assertEquals("exit status: 0\n(no output)\n", quiet.text());
    }

    @Test
    void writesTheWorkspaceOnlyInWorkspaceWriteMode() throws IOException {
        ToolResult write = RUN.execute(args("command", "echo made > made.txt && cat made.txt"),
                context.withMode(ToolMode.WORKSPACE_WRITE));
        assertEquals("exit status: 0\nmade\n", write.text());
        assertEquals("made\n", Files.readString(temp.resolve("made.txt")));
        ToolResult refused = RUN.execute(args("command", "echo made > other.txt"), context);
        assertEquals(OptionalInt.of(1), refused.exitStatus());
        assertTrue(Files.notExists(temp.resolve("other.txt")));
    }

    @Test
    void passesOnlyAllowListedVariables() {
        ToolResult defaults = RUN.execute(args("command", "env | sort"), context);
        for (String line : defaults.text().lines().skip(1).toList()) {
            String name = line.substring(0, line.indexOf('='));
            assertTrue(Set.of("PATH", "LANG", "LC_ALL", "LC_CTYPE", "TZ", "TERM", "HOME", "PWD", "SHLVL", "_", "OLDPWD")
                    .contains(name), "unexpected variable " + line);
        }
        ToolResult allowed = RUN.execute(args("command", "echo \"[$GANNET_ESCAPE_TEST_SECRET] $HOME\""),
                context.withEnvironmentAllowList(Set.of("PATH", "GANNET_ESCAPE_TEST_SECRET")));
        assertEquals("exit status: 0\n[" + System.getenv("GANNET_ESCAPE_TEST_SECRET") + "] /tmp\n", allowed.text());
    }

    @Test
    void timeoutsAreBoundedByTheSessionLimit() {
        ToolContext limited = context.withLimits(context.limits().withCommandTimeout(Duration.ofSeconds(5)));
        ToolResult tooLong = RUN.execute(args("command", "true", "timeout_s", 3600), limited);
        assertEquals(Optional.of(ToolError.INVALID_ARGUMENTS), tooLong.error());
        assertTrue(tooLong.text().contains("limit of 600 s"), tooLong.text());
        ToolResult zero = RUN.execute(args("command", "true", "timeout_s", 0), context);
        assertEquals(Optional.of(ToolError.INVALID_ARGUMENTS), zero.error());
    }
}

package dev.gannet.tools.builtin;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.gannet.tools.AbstractTool;
import dev.gannet.tools.ObjectNodes;
import dev.gannet.tools.SandboxPolicy;
import dev.gannet.tools.ToolArguments;
import dev.gannet.tools.ToolContext;
import dev.gannet.tools.ToolError;
import dev.gannet.tools.ToolException;
import dev.gannet.tools.ToolLimits;
import dev.gannet.tools.ToolMode;
import dev.gannet.tools.ToolResult;
import dev.gannet.tools.sandbox.CommandOutcome;
import dev.gannet.tools.sandbox.CommandRequest;
import dev.gannet.tools.sandbox.ResourceLimits;
import dev.gannet.tools.sandbox.Sandbox;
import dev.gannet.tools.schema.JsonSchema;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

/**
 * {@code run_command}: a shell command run in the workspace inside the sandbox. The result holds
 * the exit status and the output (stdout and stderr interleaved, head and tail when long). A
 * command killed at the time limit or for flooding output is an error result that still shows
 * what it printed.
 */
public final class RunCommandTool extends AbstractTool {
    public static final String NAME = "run_command";
    /** PATH inside the sandbox when the parent's is not passed through. */
    static final String DEFAULT_PATH = "/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin";
    static final String UNSANDBOXED_WARNING = "warning: this command ran WITHOUT a sandbox, as the user chose; "
            + "it could read, write and reach anything the user can";

    private static final String SCHEMA = """
            {
              "type": "object",
              "properties": {
                "command": {"type": "string", "minLength": 1, "maxLength": 65536,
                            "description": "Shell command line, run by bash in the workspace root. No network; the workspace is read-only unless the session allows writes."},
                "timeout_s": {"type": "integer", "minimum": 1, "maximum": 3600,
                              "description": "Seconds before the command and everything it started is killed."}
              },
              "required": ["command"],
              "additionalProperties": false
            }
            """;

    private final Sandbox sandbox;

    public RunCommandTool(Sandbox sandbox) {
        super(NAME, "Run a shell command in the workspace (bash, no network, time and resource limits) and return "
                + "its exit status and output. The workspace is read-only unless the session allows writes.",
                JsonSchema.parse(SCHEMA), ToolMode.READ_ONLY);
        this.sandbox = sandbox;
    }

    @Override
    protected ToolResult run(ToolArguments arguments, ToolContext context) throws ToolException {
        ToolLimits limits = context.limits();
        Duration timeout = timeout(arguments, limits);
        CommandRequest request = new CommandRequest(arguments.string("command"), context.workspaceRoot(),
                context.mode() == ToolMode.WORKSPACE_WRITE, timeout, resourceLimits(limits, timeout),
                environment(context));
        CommandOutcome outcome = sandbox.run(request, context.sandbox());
        return result(outcome, context, timeout);
    }

    private static Duration timeout(ToolArguments arguments, ToolLimits limits) throws ToolException {
        if (arguments.optionalInteger("timeout_s").isEmpty()) {
            return limits.commandTimeout();
        }
        Duration asked = Duration.ofSeconds(arguments.integer("timeout_s"));
        if (asked.compareTo(limits.maxCommandTimeout()) > 0) {
            throw new ToolException(ToolError.INVALID_ARGUMENTS, "timeout_s " + asked.toSeconds()
                    + " exceeds this session's limit of " + limits.maxCommandTimeout().toSeconds() + " s");
        }
        return asked;
    }

    private static ResourceLimits resourceLimits(ToolLimits limits, Duration timeout) {
        // CPU time can only run out after the wall clock has; it backs up the timeout.
        long cpuSeconds = (timeout.toMillis() + 999) / 1000 + 1;
        return new ResourceLimits(limits.processes(), limits.memoryBytes(), cpuSeconds, limits.fileSizeBytes(),
                limits.outputBytes(), limits.commandOutputKillBytes());
    }

    /** The allow-listed variables of this process's environment, and nothing else. */
    private static Map<String, String> environment(ToolContext context) {
        Map<String, String> environment = new HashMap<>();
        Map<String, String> parent = System.getenv();
        for (String name : context.environmentAllowList()) {
            String value = parent.get(name);
            if (value != null) {
                environment.put(name, value);
            }
        }
        environment.putIfAbsent("PATH", DEFAULT_PATH);
        if (context.sandbox() == SandboxPolicy.BUBBLEWRAP_REQUIRED) {
            environment.put("HOME", "/tmp"); // the only writable place besides a writable workspace
        }
        return environment;
    }

    private static ToolResult result(CommandOutcome outcome, ToolContext context, Duration timeout) {
        boolean sandboxed = context.sandbox() == SandboxPolicy.BUBBLEWRAP_REQUIRED;
        StringBuilder text = new StringBuilder();
        if (!sandboxed) {
            text.append(UNSANDBOXED_WARNING).append('\n');
        }
        if (outcome.timedOut()) {
            text.append("killed: the time limit of ").append(timeout.toSeconds())
                    .append(" s passed; the command and every process it started were stopped\n");
        } else if (outcome.outputLimitHit()) {
            text.append("killed: the command printed more than ").append(context.limits().commandOutputKillBytes())
                    .append(" bytes; it and every process it started were stopped\n");
        } else {
            text.append("exit status: ").append(outcome.exitStatus()).append('\n');
        }
        text.append(outcome.output());
        if (outcome.outputBytes() == 0) {
            text.append("(no output)\n");
        }
        ObjectNode data = ObjectNodes.empty();
        data.put("exit_status", outcome.exitStatus());
        data.put("timed_out", outcome.timedOut());
        data.put("output_limit_hit", outcome.outputLimitHit());
        data.put("output_bytes", outcome.outputBytes());
        data.put("sandboxed", sandboxed);
        if (!sandboxed) {
            data.put("warning", UNSANDBOXED_WARNING);
        }
        ToolResult result;
        if (outcome.timedOut()) {
            result = ToolResult.failure(ToolError.TIMED_OUT, text.toString(), data);
        } else if (outcome.outputLimitHit()) {
            result = ToolResult.failure(ToolError.OUTPUT_LIMIT, text.toString(), data);
        } else {
            result = ToolResult.success(text.toString(), data);
        }
        return result.withExitStatus(outcome.exitStatus()).withTruncated(outcome.outputTruncated());
    }
}

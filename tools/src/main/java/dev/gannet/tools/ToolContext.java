package dev.gannet.tools;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Objects;
import java.util.Set;

/**
 * Where and how tool calls run: one per agent session, immutable.
 *
 * @param workspaceRoot         the directory every path is resolved against, as a real path (symlinks
 *                              resolved), so that containment checks compare like with like
 * @param mode                  which tools are offered and whether commands may write the workspace
 * @param sandbox               whether commands must run under bubblewrap
 * @param limits                time, output, memory and process caps
 * @param environmentAllowList  the names of the parent's environment variables a command may see;
 *                              everything else is cleared
 */
public record ToolContext(
        Path workspaceRoot,
        ToolMode mode,
        SandboxPolicy sandbox,
        ToolLimits limits,
        Set<String> environmentAllowList) {

    /** What a command sees of the parent environment unless configured otherwise. */
    public static final Set<String> DEFAULT_ENVIRONMENT_ALLOW_LIST =
            Set.of("PATH", "LANG", "LC_ALL", "LC_CTYPE", "TZ", "TERM");

    public ToolContext {
        Objects.requireNonNull(workspaceRoot, "workspaceRoot");
        Objects.requireNonNull(mode, "mode");
        Objects.requireNonNull(sandbox, "sandbox");
        Objects.requireNonNull(limits, "limits");
        environmentAllowList = Set.copyOf(environmentAllowList);
        workspaceRoot = realDirectory(workspaceRoot);
    }

    /** The safe default: read-only tools, bubblewrap required, default limits and environment. */
    public static ToolContext readOnly(Path workspaceRoot) {
        return new ToolContext(workspaceRoot, ToolMode.READ_ONLY, SandboxPolicy.BUBBLEWRAP_REQUIRED,
                ToolLimits.defaults(), DEFAULT_ENVIRONMENT_ALLOW_LIST);
    }

    public ToolContext withMode(ToolMode newMode) {
        return new ToolContext(workspaceRoot, newMode, sandbox, limits, environmentAllowList);
    }

    public ToolContext withSandbox(SandboxPolicy newPolicy) {
        return new ToolContext(workspaceRoot, mode, newPolicy, limits, environmentAllowList);
    }

    public ToolContext withLimits(ToolLimits newLimits) {
        return new ToolContext(workspaceRoot, mode, sandbox, newLimits, environmentAllowList);
    }

    public ToolContext withEnvironmentAllowList(Set<String> names) {
        return new ToolContext(workspaceRoot, mode, sandbox, limits, names);
    }

    private static Path realDirectory(Path root) {
        if (!root.isAbsolute()) {
            throw new IllegalArgumentException("workspace root must be an absolute path: " + root);
        }
        try {
            Path real = root.toRealPath();
            if (!Files.isDirectory(real)) {
                throw new IllegalArgumentException("workspace root is not a directory: " + root);
            }
            return real;
        } catch (IOException e) {
            throw new IllegalArgumentException("workspace root cannot be opened: " + root + " (" + e.getMessage() + ")", e);
        }
    }
}

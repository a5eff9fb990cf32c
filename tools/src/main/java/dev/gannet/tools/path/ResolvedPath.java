package dev.gannet.tools.path;

import java.nio.file.Path;

/**
 * A path from a tool call after resolution.
 *
 * @param absolute the resolved location: a real path as far as it exists, inside the workspace
 * @param relative the same location relative to the workspace root, with {@code /} separators;
 *                 {@code .} for the root itself. Results show this form, never the host's layout
 * @param exists   whether something existed there when it was resolved
 */
public record ResolvedPath(Path absolute, String relative, boolean exists) {
    public boolean isWorkspaceRoot() {
        return relative.equals(".");
    }
}

package dev.gannet.tools.walk;

import dev.gannet.tools.ignore.GlobFilter;
import java.util.Objects;

/**
 * How a walk chooses entries.
 *
 * @param includeHidden      whether names starting with a dot are visited ({@code .git} never is)
 * @param honourIgnoreFiles  whether .gitignore, .ignore and .git/info/exclude prune the walk
 * @param maxDepth           the deepest level visited; 1 lists only the directory's own entries
 * @param globs              include/exclude globs relative to the directory walked
 */
public record WalkOptions(boolean includeHidden, boolean honourIgnoreFiles, int maxDepth, GlobFilter globs) {
    public WalkOptions {
        Objects.requireNonNull(globs, "globs");
        if (maxDepth < 1) {
            throw new IllegalArgumentException("maxDepth must be at least 1, got " + maxDepth);
        }
    }

    /** ripgrep's defaults: hidden entries skipped, ignore files honoured, any depth, no globs. */
    public static WalkOptions defaults() {
        return new WalkOptions(false, true, Integer.MAX_VALUE, GlobFilter.acceptAll());
    }
}

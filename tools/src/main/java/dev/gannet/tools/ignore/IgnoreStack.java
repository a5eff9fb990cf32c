package dev.gannet.tools.ignore;

import java.io.IOException;
import java.nio.file.Path;

/**
 * The ignore rules in force in one directory of a walk: its own, then its parent's, up to the
 * workspace root. A deeper directory's rules take precedence over a shallower one's, as in git;
 * a path inside an ignored directory is never reached because the walk does not enter it, which
 * is also why a negation cannot re-include it (git's rule).
 */
public final class IgnoreStack {
    private final IgnoreStack parent;
    private final IgnoreRules rules;
    /** The directory the rules belong to, relative to the workspace root; "" for the root. */
    private final String directory;

    private IgnoreStack(IgnoreStack parent, IgnoreRules rules, String directory) {
        this.parent = parent;
        this.rules = rules;
        this.directory = directory;
    }

    /** The rules of the workspace root: its .git/info/exclude and ignore files. */
    public static IgnoreStack atWorkspaceRoot(Path root) throws IOException {
        return new IgnoreStack(null, IgnoreRules.load(root, true), "");
    }

    /** A stack that ignores nothing, for walks that do not honour ignore files. */
    public static IgnoreStack none() {
        return new IgnoreStack(null, IgnoreRules.parse(""), "");
    }

    /** The stack inside a subdirectory, with that directory's own rules on top if it has any. */
    public IgnoreStack enter(Path absolute, String relative) throws IOException {
        IgnoreRules own = IgnoreRules.load(absolute, false);
        return own.isEmpty() ? this : new IgnoreStack(this, own, relative);
    }

    /** Whether a workspace-relative path is ignored by the rules in force. */
    public boolean isIgnored(String relative, boolean isDirectory) {
        String name = relative.substring(relative.lastIndexOf('/') + 1);
        for (IgnoreStack level = this; level != null; level = level.parent) {
            String local = level.directory.isEmpty() ? relative : relative.substring(level.directory.length() + 1);
            IgnoreRules.Verdict verdict = level.rules.verdict(local, name, isDirectory);
            if (verdict != IgnoreRules.Verdict.NO_MATCH) {
                return verdict == IgnoreRules.Verdict.IGNORED;
            }
        }
        return false;
    }
}

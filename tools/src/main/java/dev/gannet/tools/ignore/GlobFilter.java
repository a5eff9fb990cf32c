package dev.gannet.tools.ignore;

import dev.gannet.tools.ToolError;
import dev.gannet.tools.ToolException;
import dev.gannet.tools.text.Quote;
import java.util.ArrayList;
import java.util.List;

/**
 * Include and exclude globs as ripgrep's {@code --glob} applies them: globs are matched relative
 * to the directory searched, with .gitignore syntax; {@code !glob} excludes; the last matching
 * glob decides; when any include glob is given, a file matching none of them is left out.
 * Include globs never prune directories, so {@code *.java} still finds files in subdirectories.
 */
public final class GlobFilter {
    private final List<IgnorePattern> globs;
    private final boolean hasIncludes;

    private GlobFilter(List<IgnorePattern> globs) {
        this.globs = List.copyOf(globs);
        this.hasIncludes = globs.stream().anyMatch(g -> !g.negated());
    }

    public static GlobFilter acceptAll() {
        return new GlobFilter(List.of());
    }

    public static GlobFilter of(List<String> globs) throws ToolException {
        List<IgnorePattern> parsed = new ArrayList<>();
        for (String glob : globs) {
            if (glob.indexOf('\0') >= 0) {
                throw new ToolException(ToolError.INVALID_PATTERN, "glob " + Quote.of(glob) + " contains a NUL byte");
            }
            parsed.add(IgnorePattern.parseGlob(glob).orElseThrow(() ->
                    new ToolException(ToolError.INVALID_PATTERN, "glob " + Quote.of(glob) + " is empty")));
        }
        return new GlobFilter(parsed);
    }

    /**
     * Whether an entry passes the filter.
     *
     * @param relativeToSearch the path relative to the directory searched
     */
    public boolean accepts(String relativeToSearch, String name, boolean isDirectory) {
        for (int i = globs.size() - 1; i >= 0; i--) {
            IgnorePattern glob = globs.get(i);
            if (glob.matches(relativeToSearch, name, isDirectory)) {
                return !glob.negated();
            }
        }
        return isDirectory || !hasIncludes;
    }
}

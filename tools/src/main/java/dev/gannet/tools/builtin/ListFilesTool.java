package dev.gannet.tools.builtin;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.gannet.tools.AbstractTool;
import dev.gannet.tools.ObjectNodes;
import dev.gannet.tools.ToolArguments;
import dev.gannet.tools.ToolContext;
import dev.gannet.tools.ToolError;
import dev.gannet.tools.ToolException;
import dev.gannet.tools.ToolMode;
import dev.gannet.tools.ToolResult;
import dev.gannet.tools.ignore.GlobFilter;
import dev.gannet.tools.path.ResolvedPath;
import dev.gannet.tools.path.WorkspacePaths;
import dev.gannet.tools.schema.JsonSchema;
import dev.gannet.tools.text.TextBudget;
import dev.gannet.tools.walk.EntryType;
import dev.gannet.tools.walk.WalkEntry;
import dev.gannet.tools.walk.WalkOptions;
import dev.gannet.tools.walk.WorkspaceWalker;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Locale;

/**
 * {@code list_files}: the files and directories under a path, one per line relative to the
 * workspace root, directories with a trailing {@code /} and symbolic links with a trailing
 * {@code @} (they are listed, never followed). The walk skips what {@code grep} skips. With a glob,
 * only matching files are listed.
 */
public final class ListFilesTool extends AbstractTool {
    public static final String NAME = "list_files";

    private static final String SCHEMA = """
            {
              "type": "object",
              "properties": {
                "path": {"type": "string", "default": ".", "description": "Directory to list, relative to the workspace root."},
                "glob": {"type": ["string", "array"], "items": {"type": "string"},
                         "description": "Only list files matching this glob (gitignore syntax, e.g. '*.py' or 'src/**/test_*.py'); prefix with '!' to exclude. One glob or a list."},
                "max_depth": {"type": "integer", "minimum": 1, "maximum": 1000,
                              "description": "How deep to go: 1 lists only the directory's own entries. Unlimited if omitted."},
                "hidden": {"type": "boolean", "default": false, "description": "Also list hidden entries (names starting with '.'); .git is never listed."},
                "max_results": {"type": "integer", "minimum": 1, "maximum": 100000, "default": 1000,
                                "description": "Stop after this many entries."}
              },
              "additionalProperties": false
            }
            """;

    public ListFilesTool() {
        super(NAME, "List files and directories in the workspace (directories end with '/'), sorted by path. "
                + "Honours .gitignore and skips hidden entries like grep.",
                JsonSchema.parse(SCHEMA), ToolMode.READ_ONLY);
    }

    @Override
    protected ToolResult run(ToolArguments arguments, ToolContext context) throws ToolException {
        ResolvedPath start = new WorkspacePaths(context.workspaceRoot()).directory(arguments.string("path"));
        List<String> globs = arguments.strings("glob");
        int maxDepth = (int) arguments.optionalInteger("max_depth").orElse(Integer.MAX_VALUE);
        WalkOptions options = new WalkOptions(arguments.flag("hidden"), true, maxDepth, GlobFilter.of(globs));
        boolean filesOnly = !globs.isEmpty();
        int maxResults = (int) arguments.integer("max_results");

        TextBudget text = new TextBudget(context.limits().outputBytes());
        ArrayNode entries = ObjectNodes.emptyArray();
        int[] listed = {0};
        boolean[] hitCap = {false};
        try {
            new WorkspaceWalker(context.workspaceRoot()).walk(start.absolute(), options, entry -> {
                if (entry.type() == EntryType.OTHER || (filesOnly && entry.type() != EntryType.FILE)) {
                    return true;
                }
                if (listed[0] == maxResults || !text.addLine(display(entry))) {
                    hitCap[0] = true;
                    return false;
                }
                listed[0]++;
                ObjectNode json = entries.addObject();
                json.put("path", entry.relative());
                json.put("type", entry.type().name().toLowerCase(Locale.ROOT));
                if (entry.type() == EntryType.FILE) {
                    json.put("size", entry.size());
                }
                return true;
            });
        } catch (IOException | UncheckedIOException e) {
            throw new ToolException(ToolError.IO_ERROR, "cannot list " + start.relative() + ": " + e.getMessage(), e);
        }
        if (listed[0] == 0) {
            text.addNote(filesOnly ? "(no matching files)" : "(empty directory)");
        }
        if (hitCap[0]) {
            text.addNote("[listing stopped after " + listed[0]
                    + " entries; list a subdirectory, lower max_depth or give a glob]");
        }
        ObjectNode data = ObjectNodes.empty();
        data.put("path", start.relative());
        data.set("entries", entries);
        data.put("count", listed[0]);
        return ToolResult.success(text.text(), data).withTruncated(hitCap[0]);
    }

    private static String display(WalkEntry entry) {
        return switch (entry.type()) {
            case DIRECTORY -> entry.relative() + "/";
            case SYMLINK -> entry.relative() + "@";
            default -> entry.relative();
        };
    }
}

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
import dev.gannet.tools.grep.Deadline;
import dev.gannet.tools.grep.FileMatches;
import dev.gannet.tools.grep.GrepReport;
import dev.gannet.tools.grep.GrepSearch;
import dev.gannet.tools.grep.LineMatcher;
import dev.gannet.tools.grep.MatchedLine;
import dev.gannet.tools.grep.SearchTarget;
import dev.gannet.tools.ignore.GlobFilter;
import dev.gannet.tools.path.ResolvedPath;
import dev.gannet.tools.path.WorkspacePaths;
import dev.gannet.tools.schema.JsonSchema;
import dev.gannet.tools.text.TextBudget;
import dev.gannet.tools.walk.EntryType;
import dev.gannet.tools.walk.WalkOptions;
import dev.gannet.tools.walk.WorkspaceWalker;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code grep}: searches file contents for a regex or literal text and answers
 * {@code path:line:text} lines (context lines as {@code path-line-text}, groups split by
 * {@code --}), as ripgrep prints them. Walks the workspace as ripgrep does: .gitignore honoured,
 * hidden files and {@code .git} skipped, symlinks not followed, binary files skipped.
 */
public final class GrepTool extends AbstractTool {
    public static final String NAME = "grep";
    /** Matched lines longer than this are cut: one minified file must not fill the context window. */
    static final int MAX_LINE_CHARS = 500;

    private static final String SCHEMA = """
            {
              "type": "object",
              "properties": {
                "pattern": {"type": "string", "minLength": 1,
                            "description": "Java regular expression to search for (literal text if fixed_strings is true)."},
                "path": {"type": "string", "default": ".",
                         "description": "File or directory to search, relative to the workspace root."},
                "glob": {"type": ["string", "array"], "items": {"type": "string"},
                         "description": "Only search files matching this glob (gitignore syntax, e.g. '*.java' or 'src/**/*.ts'); prefix with '!' to exclude. One glob or a list."},
                "ignore_case": {"type": "boolean", "default": false, "description": "Match without regard to letter case."},
                "fixed_strings": {"type": "boolean", "default": false, "description": "Treat the pattern as literal text, not a regex."},
                "context": {"type": "integer", "minimum": 0, "maximum": 20, "default": 0,
                            "description": "Lines of context to show before and after each match."},
                "max_results": {"type": "integer", "minimum": 1, "maximum": 100000, "default": 200,
                                "description": "Stop after this many matching lines."},
                "hidden": {"type": "boolean", "default": false,
                           "description": "Also search hidden files and directories (names starting with '.'); .git is never searched."}
              },
              "required": ["pattern"],
              "additionalProperties": false
            }
            """;

    public GrepTool() {
        super(NAME, "Search file contents in the workspace for a regular expression (or literal text) and list "
                + "matching lines as path:line:text, sorted by path. Honours .gitignore, skips hidden and binary files.",
                JsonSchema.parse(SCHEMA), ToolMode.READ_ONLY);
    }

    @Override
    protected ToolResult run(ToolArguments arguments, ToolContext context) throws ToolException {
        WorkspacePaths paths = new WorkspacePaths(context.workspaceRoot());
        ResolvedPath start = paths.existing(arguments.string("path"));
        LineMatcher matcher = LineMatcher.compile(arguments.string("pattern"),
                arguments.flag("fixed_strings"), arguments.flag("ignore_case"));
        WalkOptions options = new WalkOptions(arguments.flag("hidden"), true, Integer.MAX_VALUE,
                GlobFilter.of(arguments.strings("glob")));
        int contextLines = (int) arguments.integer("context");
        int maxResults = (int) arguments.integer("max_results");

        List<SearchTarget> targets = targets(context, start, options);
        Deadline deadline = Deadline.after(context.limits().commandTimeout());
        GrepReport report = new GrepSearch(matcher, contextLines, maxResults, deadline).run(targets);
        return result(report, contextLines, maxResults, context.limits().outputBytes());
    }

    private static List<SearchTarget> targets(ToolContext context, ResolvedPath start, WalkOptions options)
            throws ToolException {
        try {
            if (!Files.isDirectory(start.absolute())) {
                // A file named explicitly is searched even if ignored or hidden, as ripgrep does.
                return List.of(new SearchTarget(start.absolute(), start.relative(), Files.size(start.absolute())));
            }
            List<SearchTarget> targets = new ArrayList<>();
            new WorkspaceWalker(context.workspaceRoot()).walk(start.absolute(), options, entry -> {
                if (entry.type() == EntryType.FILE) {
                    targets.add(new SearchTarget(entry.absolute(), entry.relative(), entry.size()));
                }
                return true;
            });
            return targets;
        } catch (IOException | UncheckedIOException e) {
            throw new ToolException(ToolError.IO_ERROR, "cannot list " + start.relative() + ": " + e.getMessage(), e);
        }
    }

    private static ToolResult result(GrepReport report, int contextLines, int maxResults, int outputBytes) {
        TextBudget text = new TextBudget(outputBytes);
        ArrayNode matches = ObjectNodes.emptyArray();
        boolean anyShown = false;
        for (FileMatches file : report.files()) {
            for (MatchedLine line : file.lines()) {
                if (contextLines > 0 && line.startsGroup() && anyShown) {
                    text.addLine("--");
                }
                char separator = line.match() ? ':' : '-';
                text.addLine(file.relative() + separator + line.number() + separator
                        + TextBudget.cutLine(line.text(), MAX_LINE_CHARS));
                anyShown = true;
                if (line.match()) {
                    ObjectNode match = matches.addObject();
                    match.put("path", file.relative());
                    match.put("line", line.number());
                    match.put("text", line.text());
                }
            }
        }
        boolean truncated = report.hitMatchCap() || text.exhausted() || report.timedOut();
        if (report.files().isEmpty() && !report.timedOut()) {
            text.addNote("no matches (" + report.filesSearched() + " files searched)");
        }
        if (report.hitMatchCap()) {
            text.addNote("[stopped after max_results=" + maxResults + " matching lines; narrow the pattern, path or glob]");
        }
        if (text.exhausted()) {
            text.addNote("[output cut at " + outputBytes + " bytes; narrow the pattern, path or glob]");
        }
        ObjectNode data = ObjectNodes.empty();
        data.set("matches", matches);
        data.put("match_count", report.matchCount());
        data.put("files_with_matches", report.files().size());
        data.put("files_searched", report.filesSearched());
        data.put("binary_files_skipped", report.binarySkipped());
        data.put("unreadable_files", report.unreadable());
        if (report.timedOut()) {
            text.addNote("[search stopped at the time limit; results are incomplete]");
            return ToolResult.failure(ToolError.TIMED_OUT, text.text(), data).withTruncated(true);
        }
        return ToolResult.success(text.text(), data).withTruncated(truncated);
    }
}

package dev.gannet.tools.builtin;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.gannet.tools.AbstractTool;
import dev.gannet.tools.ObjectNodes;
import dev.gannet.tools.ToolArguments;
import dev.gannet.tools.ToolContext;
import dev.gannet.tools.ToolError;
import dev.gannet.tools.ToolException;
import dev.gannet.tools.ToolMode;
import dev.gannet.tools.ToolResult;
import dev.gannet.tools.path.AtomicFileWriter;
import dev.gannet.tools.path.ResolvedPath;
import dev.gannet.tools.path.WorkspacePaths;
import dev.gannet.tools.schema.JsonSchema;
import java.nio.charset.StandardCharsets;

/**
 * {@code write_file}: creates or replaces a file inside the workspace with the given text,
 * atomically. Only in workspace-write mode; never under {@code .git}.
 */
public final class WriteFileTool extends AbstractTool {
    public static final String NAME = "write_file";

    private static final String SCHEMA = """
            {
              "type": "object",
              "properties": {
                "path": {"type": "string", "minLength": 1, "description": "File to write, relative to the workspace root. Missing directories are created."},
                "content": {"type": "string", "description": "The complete new content of the file."}
              },
              "required": ["path", "content"],
              "additionalProperties": false
            }
            """;

    public WriteFileTool() {
        super(NAME, "Create a file or replace its whole content. Prefer edit_file to change part of an existing file.",
                JsonSchema.parse(SCHEMA), ToolMode.WORKSPACE_WRITE);
    }

    @Override
    protected ToolResult run(ToolArguments arguments, ToolContext context) throws ToolException {
        ResolvedPath target = new WorkspacePaths(context.workspaceRoot()).writableFile(arguments.string("path"));
        byte[] content = arguments.string("content").getBytes(StandardCharsets.UTF_8);
        if (content.length > context.limits().fileSizeBytes()) {
            throw new ToolException(ToolError.INVALID_ARGUMENTS, "content is " + content.length
                    + " bytes; files are limited to " + context.limits().fileSizeBytes() + " bytes");
        }
        AtomicFileWriter.write(target, content);
        ObjectNode data = ObjectNodes.empty();
        data.put("path", target.relative());
        data.put("bytes", content.length);
        data.put("created", !target.exists());
        String verb = target.exists() ? "replaced" : "created";
        return ToolResult.success(verb + " " + target.relative() + " (" + content.length + " bytes)", data);
    }
}

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
import dev.gannet.tools.text.DecodedText;
import dev.gannet.tools.text.Quote;
import dev.gannet.tools.text.TextDecoder;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code edit_file}: replaces an exact piece of text in a file. The text must occur exactly once
 * (or {@code replace_all} must be set), so an edit never lands somewhere the model did not look.
 * Only UTF-8 text files are edited, so no byte the model did not see is changed; a file with CRLF
 * line endings accepts text written with LF. Atomic; only in workspace-write mode; never under
 * {@code .git}.
 */
public final class EditFileTool extends AbstractTool {
    public static final String NAME = "edit_file";
    private static final byte[] UTF8_BOM = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};

    private static final String SCHEMA = """
            {
              "type": "object",
              "properties": {
                "path": {"type": "string", "minLength": 1, "description": "File to edit, relative to the workspace root."},
                "old_text": {"type": "string", "minLength": 1, "description": "Exact text to replace, whitespace included; must occur exactly once unless replace_all is true."},
                "new_text": {"type": "string", "description": "Text to put in its place."},
                "replace_all": {"type": "boolean", "default": false, "description": "Replace every occurrence instead of requiring exactly one."}
              },
              "required": ["path", "old_text", "new_text"],
              "additionalProperties": false
            }
            """;

    public EditFileTool() {
        super(NAME, "Replace an exact piece of text in a file with new text. old_text must match the file exactly "
                + "(copy it from read_file output, without the line numbers) and occur once.",
                JsonSchema.parse(SCHEMA), ToolMode.WORKSPACE_WRITE);
    }

    @Override
    protected ToolResult run(ToolArguments arguments, ToolContext context) throws ToolException {
        String raw = arguments.string("path");
        ResolvedPath target = new WorkspacePaths(context.workspaceRoot()).writableFile(raw);
        if (!target.exists()) {
            throw new ToolException(ToolError.NOT_FOUND, "no such file: " + Quote.of(raw) + "; use write_file to create it");
        }
        String oldText = arguments.string("old_text");
        String newText = arguments.string("new_text");
        if (oldText.equals(newText)) {
            throw new ToolException(ToolError.EDIT_NOT_APPLICABLE, "old_text and new_text are the same; nothing to change");
        }
        byte[] bytes = read(target, raw, context.limits().fileSizeBytes());
        boolean bom = startsWithBom(bytes);
        String text = decode(bytes, raw);

        List<Integer> at = occurrences(text, oldText);
        if (at.isEmpty() && text.contains("\r\n") && !oldText.contains("\r\n")) {
            // The model writes LF; the file uses CRLF. Match and write in the file's own convention.
            oldText = oldText.replace("\n", "\r\n");
            newText = newText.replace("\n", "\r\n");
            at = occurrences(text, oldText);
        }
        if (at.isEmpty()) {
            throw new ToolException(ToolError.EDIT_NOT_APPLICABLE, "old_text was not found in " + Quote.of(raw)
                    + "; read the file and copy the text exactly, whitespace and indentation included");
        }
        if (at.size() > 1 && !arguments.flag("replace_all")) {
            throw new ToolException(ToolError.EDIT_NOT_APPLICABLE, "old_text occurs " + at.size() + " times in "
                    + Quote.of(raw) + " (lines " + lineNumbers(text, at) + "); include more surrounding text to make it "
                    + "unique, or set replace_all");
        }
        String edited = text.replace(oldText, newText);
        byte[] out = edited.getBytes(StandardCharsets.UTF_8);
        if (bom) {
            byte[] withBom = new byte[out.length + UTF8_BOM.length];
            System.arraycopy(UTF8_BOM, 0, withBom, 0, UTF8_BOM.length);
            System.arraycopy(out, 0, withBom, UTF8_BOM.length, out.length);
            out = withBom;
        }
        AtomicFileWriter.write(target, out);
        int firstLine = lineOf(text, at.get(0));
        ObjectNode data = ObjectNodes.empty();
        data.put("path", target.relative());
        data.put("replacements", at.size());
        data.put("first_line", firstLine);
        String count = at.size() == 1 ? "1 occurrence" : at.size() + " occurrences";
        return ToolResult.success("replaced " + count + " in " + target.relative() + " (first at line " + firstLine + ")", data);
    }

    private static byte[] read(ResolvedPath target, String raw, long maxBytes) throws ToolException {
        try {
            long size = Files.size(target.absolute());
            if (size > maxBytes) {
                throw new ToolException(ToolError.EDIT_NOT_APPLICABLE, Quote.of(raw) + " is " + size
                        + " bytes; edit_file handles files up to " + maxBytes + " bytes");
            }
            return Files.readAllBytes(target.absolute());
        } catch (IOException e) {
            throw new ToolException(ToolError.IO_ERROR, "cannot read " + Quote.of(raw) + ": " + e.getMessage(), e);
        }
    }

    private static String decode(byte[] bytes, String raw) throws ToolException {
        if (TextDecoder.hasUtf16ByteOrderMark(bytes)) {
            throw new ToolException(ToolError.EDIT_NOT_APPLICABLE, Quote.of(raw) + " is UTF-16; edit_file edits UTF-8 text only");
        }
        if (TextDecoder.looksBinary(bytes, bytes.length)) {
            throw new ToolException(ToolError.BINARY_FILE, Quote.of(raw) + " is a binary file; edit_file edits text only");
        }
        DecodedText decoded = TextDecoder.decode(bytes);
        if (decoded.invalidBytes()) {
            throw new ToolException(ToolError.EDIT_NOT_APPLICABLE, Quote.of(raw)
                    + " is not valid UTF-8; editing it as text would change bytes the edit does not touch");
        }
        return decoded.text();
    }

    private static boolean startsWithBom(byte[] bytes) {
        return bytes.length >= 3 && bytes[0] == UTF8_BOM[0] && bytes[1] == UTF8_BOM[1] && bytes[2] == UTF8_BOM[2];
    }

    /** Start offsets of the non-overlapping occurrences, as {@link String#replace} finds them. */
    private static List<Integer> occurrences(String text, String needle) {
        List<Integer> at = new ArrayList<>();
        for (int i = text.indexOf(needle); i >= 0; i = text.indexOf(needle, i + needle.length())) {
            at.add(i);
        }
        return at;
    }

    private static String lineNumbers(String text, List<Integer> offsets) {
        List<String> lines = new ArrayList<>();
        for (int i = 0; i < offsets.size() && i < 10; i++) {
            lines.add(String.valueOf(lineOf(text, offsets.get(i))));
        }
        return String.join(", ", lines) + (offsets.size() > 10 ? ", ..." : "");
    }

    private static int lineOf(String text, int offset) {
        int line = 1;
        for (int i = text.indexOf('\n'); i >= 0 && i < offset; i = text.indexOf('\n', i + 1)) {
            line++;
        }
        return line;
    }
}

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
import dev.gannet.tools.path.ResolvedPath;
import dev.gannet.tools.path.WorkspacePaths;
import dev.gannet.tools.schema.JsonSchema;
import dev.gannet.tools.text.ByteLineReader;
import dev.gannet.tools.text.DecodedText;
import dev.gannet.tools.text.TextBudget;
import dev.gannet.tools.text.TextDecoder;
import dev.gannet.tools.text.Quote;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.SequenceInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.OptionalLong;

/**
 * {@code read_file}: a text file's lines, numbered, optionally a range of them. The file is
 * streamed, so a range near the start of a huge file costs little; output stops at the byte cap
 * with a marker saying where to continue. Binary files are refused; invalid UTF-8 is shown as
 * U+FFFD and reported.
 */
public final class ReadFileTool extends AbstractTool {
    public static final String NAME = "read_file";
    /** Longer lines are cut: one minified line must not take the whole budget. */
    static final int MAX_LINE_CHARS = 2000;
    /** UTF-16 files are decoded whole, so they have a size limit of their own. */
    private static final long MAX_UTF16_BYTES = 64L * 1024 * 1024;

    private static final String SCHEMA = """
            {
              "type": "object",
              "properties": {
                "path": {"type": "string", "minLength": 1, "description": "File to read, relative to the workspace root."},
                "start_line": {"type": "integer", "minimum": 1, "default": 1, "description": "First line to show (from 1)."},
                "end_line": {"type": "integer", "minimum": 1, "description": "Last line to show; the end of the file if omitted."}
              },
              "required": ["path"],
              "additionalProperties": false
            }
            """;

    public ReadFileTool() {
        super(NAME, "Read a text file from the workspace, with line numbers. Give start_line and end_line to read "
                + "part of a long file; long output is cut with a note saying where to continue.",
                JsonSchema.parse(SCHEMA), ToolMode.READ_ONLY);
    }

    @Override
    protected ToolResult run(ToolArguments arguments, ToolContext context) throws ToolException {
        String raw = arguments.string("path");
        ResolvedPath file = new WorkspacePaths(context.workspaceRoot()).regularFile(raw);
        long start = arguments.integer("start_line");
        OptionalLong end = arguments.optionalInteger("end_line");
        if (end.isPresent() && end.getAsLong() < start) {
            throw new ToolException(ToolError.INVALID_ARGUMENTS,
                    "end_line " + end.getAsLong() + " is before start_line " + start);
        }
        try (InputStream in = Files.newInputStream(file.absolute())) {
            byte[] head = in.readNBytes(TextDecoder.BINARY_PROBE_BYTES);
            if (TextDecoder.looksBinary(head, head.length)) {
                throw new ToolException(ToolError.BINARY_FILE, Quote.of(raw)
                        + " is a binary file (it has a NUL byte in its first 8 KiB); read_file shows text files only");
            }
            InputStream whole = new SequenceInputStream(new ByteArrayInputStream(head), in);
            Lines lines = TextDecoder.hasUtf16ByteOrderMark(head) ? utf16Lines(raw, file, whole) : utf8Lines(whole);
            return render(file, lines, start, end.orElse(Long.MAX_VALUE), context.limits().outputBytes(), raw);
        } catch (IOException e) {
            throw new ToolException(ToolError.IO_ERROR, "cannot read " + Quote.of(raw) + ": " + e.getMessage(), e);
        }
    }

    /** A source of decoded lines. */
    private interface Lines {
        /** The next line, or null at the end. */
        String next() throws IOException;

        boolean sawInvalidBytes();

        String encoding();
    }

    private static Lines utf8Lines(InputStream in) {
        ByteLineReader reader = new ByteLineReader(in);
        return new Lines() {
            private boolean invalid;
            private boolean first = true;

            @Override
            public String next() throws IOException {
                if (!reader.next()) {
                    return null;
                }
                byte[] bytes = reader.bytes();
                int offset = 0;
                int length = reader.length();
                if (first && length >= 3 && (bytes[0] & 0xff) == 0xEF && (bytes[1] & 0xff) == 0xBB && (bytes[2] & 0xff) == 0xBF) {
                    offset = 3; // a UTF-8 byte order mark is not part of the text
                    length -= 3;
                }
                first = false;
                if (length > 0 && bytes[offset + length - 1] == '\r') {
                    length--;
                }
                DecodedText decoded = TextDecoder.decodeUtf8(bytes, offset, length);
                invalid |= decoded.invalidBytes();
                return decoded.text();
            }

            @Override
            public boolean sawInvalidBytes() {
                return invalid;
            }

            @Override
            public String encoding() {
                return StandardCharsets.UTF_8.name();
            }
        };
    }

    private static Lines utf16Lines(String raw, ResolvedPath file, InputStream in) throws IOException, ToolException {
        if (Files.size(file.absolute()) > MAX_UTF16_BYTES) {
            throw new ToolException(ToolError.WRONG_FILE_TYPE, Quote.of(raw) + " is a UTF-16 file larger than "
                    + MAX_UTF16_BYTES / (1024 * 1024) + " MiB; read_file decodes UTF-16 files whole and stops there");
        }
        DecodedText decoded = TextDecoder.decode(in.readAllBytes());
        String[] split = decoded.text().split("\r?\n", -1);
        int count = decoded.text().endsWith("\n") ? split.length - 1 : split.length;
        return new Lines() {
            private int index;

            @Override
            public String next() {
                return index < count ? split[index++] : null;
            }

            @Override
            public boolean sawInvalidBytes() {
                return decoded.invalidBytes();
            }

            @Override
            public String encoding() {
                return decoded.encoding();
            }
        };
    }

    private static ToolResult render(ResolvedPath file, Lines lines, long start, long end, int outputBytes, String raw)
            throws IOException, ToolException {
        TextBudget text = new TextBudget(outputBytes);
        long number = 0;
        long lastShown = 0;
        boolean cut = false;
        String line;
        while ((line = lines.next()) != null) {
            number++;
            if (number < start) {
                continue;
            }
            if (number > end) {
                break;
            }
            if (!text.addLine(String.format("%6d\t%s", number, TextBudget.cutLine(line, MAX_LINE_CHARS)))) {
                cut = true;
                break;
            }
            lastShown = number;
        }
        boolean reachedEnd = line == null;
        if (number == 0) {
            text.addNote("(empty file)");
        } else if (lastShown == 0 && !cut) {
            throw new ToolException(ToolError.INVALID_ARGUMENTS, "start_line " + start + " is past the end of "
                    + Quote.of(raw) + ", which has " + number + " lines");
        }
        boolean moreAfter = cut || !reachedEnd;
        if (cut) {
            text.addNote("[output cut at " + outputBytes + " bytes after line " + lastShown
                    + "; call read_file with start_line=" + (lastShown + 1) + " to read on]");
        }
        if (lines.sawInvalidBytes()) {
            text.addNote("[note: the file is not valid " + lines.encoding() + "; invalid bytes are shown as \uFFFD]");
        }
        ObjectNode data = ObjectNodes.empty();
        data.put("path", file.relative());
        data.put("start_line", start);
        data.put("end_line", lastShown);
        if (reachedEnd && !cut) {
            data.put("total_lines", number);
        }
        data.put("encoding", lines.encoding());
        data.put("invalid_bytes", lines.sawInvalidBytes());
        data.put("more_lines", moreAfter);
        return ToolResult.success(text.text(), data).withTruncated(cut);
    }
}

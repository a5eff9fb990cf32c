package dev.gannet.tools.builtin;

import static dev.gannet.tools.testing.Calls.args;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.gannet.tools.ToolContext;
import dev.gannet.tools.ToolError;
import dev.gannet.tools.ToolLimits;
import dev.gannet.tools.ToolResult;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReadFileToolTest {
    @TempDir
    Path temp;
    ToolContext context;
    final ReadFileTool read = new ReadFileTool();

    @BeforeEach
    void workspace() throws IOException {
        context = ToolContext.readOnly(temp);
        Files.writeString(temp.resolve("ten.txt"), IntStream.rangeClosed(1, 10).mapToObj(i -> "line " + i)
                .collect(Collectors.joining("\n", "", "\n")));
    }

    @Test
    void numbersEveryLine() {
        ToolResult result = read.execute(args("path", "ten.txt"), context);
        assertTrue(result.ok());
        assertTrue(result.text().startsWith("     1\tline 1\n     2\tline 2\n"), result.text());
        assertTrue(result.text().endsWith("    10\tline 10\n"), result.text());
        assertEquals(10, result.data().get("total_lines").asInt());
        assertFalse(result.truncated());
    }

    @Test
    void readsARange() {
        ToolResult result = read.execute(args("path", "ten.txt", "start_line", 3, "end_line", 4), context);
        assertEquals("     3\tline 3\n     4\tline 4\n", result.text());
        assertTrue(result.data().get("more_lines").asBoolean());
        ToolResult tail = read.execute(args("path", "ten.txt", "start_line", 9), context);
        assertEquals("     9\tline 9\n    10\tline 10\n", tail.text());
    }

    @Test
    void refusesImpossibleRanges() {
        ToolResult past = read.execute(args("path", "ten.txt", "start_line", 11), context);
        assertEquals(Optional.of(ToolError.INVALID_ARGUMENTS), past.error());
        assertTrue(past.text().contains("has 10 lines"), past.text());
        ToolResult backwards = read.execute(args("path", "ten.txt", "start_line", 5, "end_line", 4), context);
        assertEquals(Optional.of(ToolError.INVALID_ARGUMENTS), backwards.error());
        ToolResult zero = read.execute(args("path", "ten.txt", "start_line", 0), context);
        assertEquals(Optional.of(ToolError.INVALID_ARGUMENTS), zero.error());
    }

    @Test
    void cutsAtTheByteCapWithAMarkerSayingWhereToGoOn() throws IOException {
        Files.writeString(temp.resolve("big.txt"), "x".repeat(100).concat("\n").repeat(1000));
        ToolContext small = context.withLimits(ToolLimits.defaults().withOutputBytes(1000, 1000));
        ToolResult result = read.execute(args("path", "big.txt"), small);
        assertTrue(result.truncated());
        // Each line takes 6 + 1 + 100 + 1 = 108 bytes, so 9 fit in 1000.
        assertTrue(result.text().contains("[output cut at 1000 bytes after line 9; call read_file with start_line=10"), result.text());
        ToolResult next = read.execute(args("path", "big.txt", "start_line", 10), small);
        assertTrue(next.text().startsWith("    10\t"), next.text());
    }

    @Test
    void cutsVeryLongLines() throws IOException {
        Files.writeString(temp.resolve("min.js"), "a".repeat(5000));
        ToolResult result = read.execute(args("path", "min.js"), context);
        assertTrue(result.text().contains("[... 3000 more characters]"), result.text().substring(0, 50));
    }

    @Test
    void refusesBinaryFiles() throws IOException {
        Files.write(temp.resolve("a.out"), new byte[] {0x7f, 'E', 'L', 'F', 0, 0, 1});
        ToolResult result = read.execute(args("path", "a.out"), context);
        assertEquals(Optional.of(ToolError.BINARY_FILE), result.error());
        assertTrue(result.text().contains("binary"));
    }

    @Test
    void showsInvalidUtf8AsReplacementCharacters() throws IOException {
        Files.write(temp.resolve("latin1.txt"), "caf\u00e9\n".getBytes(StandardCharsets.ISO_8859_1));
        ToolResult result = read.execute(args("path", "latin1.txt"), context);
        assertTrue(result.ok());
        assertTrue(result.text().startsWith("     1\tcaf\uFFFD\n"), result.text());
        assertTrue(result.data().get("invalid_bytes").asBoolean());
        assertTrue(result.text().contains("not valid UTF-8"));
    }

    @Test
    void decodesUtf16WithAByteOrderMarkAndDropsBomAndCarriageReturns() throws IOException {
        byte[] utf16 = "\uFEFFh\u00e9llo\r\nw\u00f6rld\r\n".getBytes(StandardCharsets.UTF_16LE);
        Files.write(temp.resolve("utf16.txt"), utf16);
        ToolResult result = read.execute(args("path", "utf16.txt"), context);
        assertEquals("     1\th\u00e9llo\n     2\tw\u00f6rld\n", result.text());
        assertEquals("UTF-16LE", result.data().get("encoding").asText());
        Files.write(temp.resolve("bom8.txt"), "\uFEFFfirst\r\nsecond".getBytes(StandardCharsets.UTF_8));
        assertEquals("     1\tfirst\n     2\tsecond\n", read.execute(args("path", "bom8.txt"), context).text());
    }

    @Test
    void saysSoForEmptyFilesAndDirectories() throws IOException {
        Files.createFile(temp.resolve("empty.txt"));
        assertEquals("(empty file)\n", read.execute(args("path", "empty.txt"), context).text());
        Files.createDirectories(temp.resolve("dir"));
        assertEquals(Optional.of(ToolError.WRONG_FILE_TYPE), read.execute(args("path", "dir"), context).error());
        assertEquals(Optional.of(ToolError.NOT_FOUND), read.execute(args("path", "missing.txt"), context).error());
    }
}

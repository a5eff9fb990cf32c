package dev.gannet.tools.builtin;

import static dev.gannet.tools.testing.Calls.args;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.gannet.tools.ToolContext;
import dev.gannet.tools.ToolError;
import dev.gannet.tools.ToolLimits;
import dev.gannet.tools.ToolMode;
import dev.gannet.tools.ToolResult;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class WriteAndEditToolsTest {
    @TempDir
    Path temp;
    ToolContext writable;
    final WriteFileTool write = new WriteFileTool();
    final EditFileTool edit = new EditFileTool();

    @BeforeEach
    void workspace() {
        writable = ToolContext.readOnly(temp).withMode(ToolMode.WORKSPACE_WRITE);
    }

    @Test
    void writesNewFilesAndDirectoriesAndReplacesOldOnes() throws IOException {
        ToolResult created = write.execute(args("path", "a/b/new.txt", "content", "héllo\n"), writable);
        assertTrue(created.ok(), created.text());
        assertEquals("created a/b/new.txt (7 bytes)", created.text());
        assertEquals("héllo\n", Files.readString(temp.resolve("a/b/new.txt")));
        assertEquals("rw-r--r--", PosixFilePermissions.toString(Files.getPosixFilePermissions(temp.resolve("a/b/new.txt"))));

        Path script = temp.resolve("run.sh");
        Files.writeString(script, "old");
        Files.setPosixFilePermissions(script, PosixFilePermissions.fromString("rwxr-x---"));
        ToolResult replaced = write.execute(args("path", "run.sh", "content", "#!/bin/sh\n"), writable);
        assertEquals("replaced run.sh (10 bytes)", replaced.text());
        assertEquals("rwxr-x---", PosixFilePermissions.toString(Files.getPosixFilePermissions(script)), "permissions kept");
        try (Stream<Path> left = Files.list(temp)) {
            assertTrue(left.noneMatch(p -> p.getFileName().toString().endsWith(".gannet-tmp")), "no temporary file left");
        }
    }

    @Test
    void writeIsRefusedInReadOnlyModeAndOverSizeAndOnDirectories() throws IOException {
        ToolResult readOnly = write.execute(args("path", "x.txt", "content", "x"), writable.withMode(ToolMode.READ_ONLY));
        assertEquals(Optional.of(ToolError.NOT_ALLOWED_IN_MODE), readOnly.error());
        ToolContext tiny = writable.withLimits(ToolLimits.defaults().withFileSizeBytes(4));
        assertEquals(Optional.of(ToolError.INVALID_ARGUMENTS), write.execute(args("path", "x.txt", "content", "12345"), tiny).error());
        Files.createDirectories(temp.resolve("dir"));
        assertEquals(Optional.of(ToolError.WRONG_FILE_TYPE), write.execute(args("path", "dir", "content", "x"), writable).error());
        Files.writeString(temp.resolve("file"), "x");
        ToolResult underFile = write.execute(args("path", "file/child.txt", "content", "x"), writable);
        assertEquals(Optional.of(ToolError.WRONG_FILE_TYPE), underFile.error(), underFile.text());
        assertEquals(Optional.of(ToolError.INVALID_ARGUMENTS), write.execute(args("path", "x.txt"), writable).error());
    }

    @Test
    void editsExactlyOneOccurrence() throws IOException {
        Files.writeString(temp.resolve("Main.java"), "class Main {\n    int a = 1;\n    int b = 1;\n}\n");
        ToolResult result = edit.execute(args("path", "Main.java", "old_text", "int b = 1;", "new_text", "int b = 2;"), writable);
        assertTrue(result.ok(), result.text());
        assertEquals("replaced 1 occurrence in Main.java (first at line 3)", result.text());
        assertEquals("class Main {\n    int a = 1;\n    int b = 2;\n}\n", Files.readString(temp.resolve("Main.java")));
    }

    @Test
    void refusesAmbiguousMissingAndPointlessEdits() throws IOException {
        Files.writeString(temp.resolve("f.txt"), "x = 1\ny = 2\nx = 1\n");
        ToolResult twice = edit.execute(args("path", "f.txt", "old_text", "x = 1", "new_text", "x = 3"), writable);
        assertEquals(Optional.of(ToolError.EDIT_NOT_APPLICABLE), twice.error());
        assertTrue(twice.text().contains("occurs 2 times") && twice.text().contains("lines 1, 3"), twice.text());
        ToolResult all = edit.execute(args("path", "f.txt", "old_text", "x = 1", "new_text", "x = 3", "replace_all", true), writable);
        assertEquals("replaced 2 occurrences in f.txt (first at line 1)", all.text());
        assertEquals("x = 3\ny = 2\nx = 3\n", Files.readString(temp.resolve("f.txt")));
        ToolResult missing = edit.execute(args("path", "f.txt", "old_text", "z = 9", "new_text", "z = 0"), writable);
        assertEquals(Optional.of(ToolError.EDIT_NOT_APPLICABLE), missing.error());
        ToolResult same = edit.execute(args("path", "f.txt", "old_text", "y", "new_text", "y"), writable);
        assertEquals(Optional.of(ToolError.EDIT_NOT_APPLICABLE), same.error());
        ToolResult empty = edit.execute(args("path", "f.txt", "old_text", "", "new_text", "y"), writable);
        assertEquals(Optional.of(ToolError.INVALID_ARGUMENTS), empty.error());
        ToolResult absent = edit.execute(args("path", "nope.txt", "old_text", "a", "new_text", "b"), writable);
        assertEquals(Optional.of(ToolError.NOT_FOUND), absent.error());
    }

    @Test
    void keepsCrlfLineEndingsAndTheByteOrderMark() throws IOException {
        byte[] original = "\uFEFFone\r\ntwo\r\nthree\r\n".getBytes(StandardCharsets.UTF_8);
        Files.write(temp.resolve("win.txt"), original);
        ToolResult result = edit.execute(args("path", "win.txt", "old_text", "one\ntwo", "new_text", "uno\ndos"), writable);
        assertTrue(result.ok(), result.text());
        assertArrayEquals("\uFEFFuno\r\ndos\r\nthree\r\n".getBytes(StandardCharsets.UTF_8), Files.readAllBytes(temp.resolve("win.txt")));
    }

    @Test
    void refusesToEditWhatItCannotRoundTrip() throws IOException {
        Files.write(temp.resolve("latin1.txt"), "caf\u00e9 old\n".getBytes(StandardCharsets.ISO_8859_1));
        ToolResult latin1 = edit.execute(args("path", "latin1.txt", "old_text", "old", "new_text", "new"), writable);
        assertEquals(Optional.of(ToolError.EDIT_NOT_APPLICABLE), latin1.error());
        assertArrayEquals("caf\u00e9 old\n".getBytes(StandardCharsets.ISO_8859_1), Files.readAllBytes(temp.resolve("latin1.txt")));
        Files.write(temp.resolve("bin"), new byte[] {'o', 'l', 'd', 0});
        assertEquals(Optional.of(ToolError.BINARY_FILE),
                edit.execute(args("path", "bin", "old_text", "old", "new_text", "new"), writable).error());
    }
}

package dev.gannet.tools.path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.gannet.tools.ToolError;
import dev.gannet.tools.ToolException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Resolution compared with what the kernel does: for every path that resolves to an existing
 * file, {@link Path#toRealPath()} (the kernel's own resolution) must name the same file.
 */
class WorkspacePathsTest {
    @TempDir
    Path temp;
    Path root;
    WorkspacePaths paths;

    @BeforeEach
    void tree() throws IOException {
        root = Files.createDirectories(temp.resolve("ws")).toRealPath();
        Files.createDirectories(root.resolve("a/b/c"));
        Files.writeString(root.resolve("a/b/file.txt"), "x");
        Files.createSymbolicLink(root.resolve("a/up"), Path.of(".."));            // -> root
        Files.createSymbolicLink(root.resolve("a/b/c/deep"), Path.of("../../b"));  // -> a/b
        Files.createSymbolicLink(root.resolve("abs"), root.resolve("a/b"));        // absolute, inside
        Files.createSymbolicLink(root.resolve("dangling-in"), Path.of("a/new.txt"));
        paths = new WorkspacePaths(root);
    }

    @Test
    void resolvesPathsInsideAsTheKernelDoes() throws Exception {
        String[] inside = {"a/b/file.txt", "./a/b/file.txt", "a//b/./file.txt", "a/b/c/../file.txt",
                "a/up/a/b/file.txt", "a/b/c/deep/file.txt", "abs/file.txt", root + "/a/b/file.txt",
                "a/b/c/deep/../b/file.txt", "a/up/a/up/abs/c/deep/file.txt"};
        for (String raw : inside) {
            ResolvedPath resolved = paths.existing(raw);
            assertEquals(root.resolve(raw).toRealPath(), resolved.absolute(), raw);
            assertEquals("a/b/file.txt", resolved.relative(), raw);
            assertTrue(resolved.exists());
        }
        assertEquals(".", paths.existing(".").relative());
        assertEquals(".", paths.existing("").relative());
        assertEquals(".", paths.existing(root.toString()).relative());
        assertEquals(".", paths.existing("a/..").relative());
    }

    @Test
    void missingPathsResolveLexicallyBelowTheirLastExistingDirectory() throws ToolException {
        ResolvedPath fresh = paths.resolve("a/b/new/deeper.txt");
        assertFalse(fresh.exists());
        assertEquals("a/b/new/deeper.txt", fresh.relative());
        ResolvedPath viaDangling = paths.resolve("dangling-in");
        assertEquals("a/new.txt", viaDangling.relative());
        ToolException upFromMissing = assertThrows(ToolException.class, () -> paths.resolve("a/missing/../../b"));
        assertEquals(ToolError.NOT_FOUND, upFromMissing.error());
    }

    @Test
    void refusesWhatLeavesTheWorkspace() throws IOException {
        Files.createSymbolicLink(root.resolve("a/out"), Path.of("../.."));
        String[] outside = {"..", "a/../..", "a/up/..", "a/out", "a/out/ws", "/", "/etc", "a/b/c/../../../.."};
        for (String raw : outside) {
            ToolException e = assertThrows(ToolException.class, () -> paths.resolve(raw), raw);
            assertEquals(ToolError.PATH_REFUSED, e.error(), raw);
        }
    }

    @Test
    void aFileInTheMiddleOfAPathIsNotADirectory() {
        ToolException e = assertThrows(ToolException.class, () -> paths.resolve("a/b/file.txt/x"));
        assertEquals(ToolError.WRONG_FILE_TYPE, e.error());
        assertTrue(e.getMessage().contains("is not a directory"), e.getMessage());
    }

    @Test
    void writableFilesNeverLieUnderGit() throws IOException {
        Files.createDirectories(root.resolve(".git"));
        for (String raw : new String[] {".git/config", ".Git/x", "a/.git/objects/x", "a/up/.git/y"}) {
            ToolException e = assertThrows(ToolException.class, () -> paths.writableFile(raw), raw);
            assertEquals(ToolError.PATH_REFUSED, e.error(), raw);
        }
        assertThrows(ToolException.class, () -> paths.writableFile("a/b"), "a directory");
        assertTrue(WorkspacePaths.isUnderGitDirectory("x/.git/y"));
        assertFalse(WorkspacePaths.isUnderGitDirectory("x/.github/y"));
        assertFalse(WorkspacePaths.isUnderGitDirectory(".gitignore"));
    }

    @Test
    void messagesQuoteThePathSafely() {
        ToolException e = assertThrows(ToolException.class, () -> paths.resolve("../x\nINJECTED"));
        assertFalse(e.getMessage().contains("\n"), e.getMessage());
        assertTrue(e.getMessage().contains("'../x\\nINJECTED'"), e.getMessage());
    }
}

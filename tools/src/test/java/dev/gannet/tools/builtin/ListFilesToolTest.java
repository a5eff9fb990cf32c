package dev.gannet.tools.builtin;

import static dev.gannet.tools.testing.Calls.args;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.gannet.tools.ToolContext;
import dev.gannet.tools.ToolError;
import dev.gannet.tools.ToolResult;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ListFilesToolTest {
    @TempDir
    Path temp;
    ToolContext context;
    final ListFilesTool list = new ListFilesTool();

    @BeforeEach
    void workspace() throws IOException {
        for (String file : new String[] {"README.md", "src/Main.java", "src/util/Strings.java", "src/util/notes.txt",
                "build/out.class", ".env", ".config/settings", "app.log", ".git/HEAD"}) {
            Path path = temp.resolve(file);
            Files.createDirectories(path.getParent());
            Files.writeString(path, "x");
        }
        Files.writeString(temp.resolve(".gitignore"), "build/\n*.log\n");
        Files.createSymbolicLink(temp.resolve("link"), Path.of("src"));
        context = ToolContext.readOnly(temp);
    }

    @Test
    void listsWhatIsNotIgnoredOrHiddenInPathOrder() {
        ToolResult result = list.execute(args(), context);
        assertEquals("README.md\nlink@\nsrc/\nsrc/Main.java\nsrc/util/\nsrc/util/Strings.java\nsrc/util/notes.txt\n",
                result.text());
        assertEquals(7, result.data().get("count").asInt());
        assertEquals("symlink", result.data().get("entries").get(1).get("type").asText());
    }

    @Test
    void honoursDepthGlobsAndHidden() {
        assertEquals("README.md\nlink@\nsrc/\n", list.execute(args("max_depth", 1), context).text());
        assertEquals("src/Main.java\nsrc/util/Strings.java\n", list.execute(args("glob", "*.java"), context).text());
        assertEquals("src/util/Strings.java\nsrc/util/notes.txt\n", list.execute(args("path", "src/util"), context).text());
        assertEquals("src/Main.java\n", list.execute(args("glob", List.of("*.java", "!util/")), context).text());
        String hidden = list.execute(args("hidden", true), context).text();
        assertTrue(hidden.startsWith(".config/\n.config/settings\n.env\n.gitignore\n"), hidden);
        assertTrue(!hidden.contains(".git/"), hidden);
    }

    @Test
    void capsTheListing() {
        ToolResult result = list.execute(args("max_results", 2), context);
        assertEquals("README.md\nlink@\n[listing stopped after 2 entries; list a subdirectory, lower max_depth or give a glob]\n",
                result.text());
        assertTrue(result.truncated());
    }

    @Test
    void refusesFilesAndMissingPaths() {
        assertEquals(Optional.of(ToolError.WRONG_FILE_TYPE), list.execute(args("path", "README.md"), context).error());
        assertEquals(Optional.of(ToolError.NOT_FOUND), list.execute(args("path", "nope"), context).error());
        assertEquals(Optional.of(ToolError.INVALID_ARGUMENTS), list.execute(args("max_depth", 0), context).error());
    }
}

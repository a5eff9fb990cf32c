package dev.gannet.tools.builtin;

import static dev.gannet.tools.testing.Calls.args;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.gannet.tools.ToolContext;
import dev.gannet.tools.ToolError;
import dev.gannet.tools.ToolResult;
import dev.gannet.tools.testing.Processes;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code grep} output compared line for line with ripgrep's ({@code rg --sort path}) on a
 * generated git repository: ignore rules, hidden files, binary files, globs, context, case and
 * literal search. ripgrep is installed by .ci/run; without it this test fails rather than skips.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class GrepToolAgainstRipgrepTest {
    @TempDir
    static Path temp;
    Path repo;
    ToolContext context;
    final GrepTool grep = new GrepTool();

    @BeforeAll
    void generateRepository() throws Exception {
        repo = Files.createDirectories(temp.resolve("repo")).toRealPath();
        Processes.run(repo, List.of("git", "init", "-q", "."));
        Random random = new Random(11);
        String[] dirs = {"", "src", "src/main", "src/gen", "docs", "build", ".hidden", "lib/vendor", "a-b", "a"};
        String[] exts = {".java", ".txt", ".md", ".log", ".c"};
        for (String dir : dirs) {
            for (int f = 0; f < 6; f++) {
                Path file = repo.resolve(dir).resolve("file" + f + exts[random.nextInt(exts.length)]);
                Files.createDirectories(file.getParent());
                Files.writeString(file, randomLines(random, 10 + random.nextInt(60)));
            }
        }
        Files.writeString(repo.resolve(".gitignore"), "build/\n*.log\n!keep.log\n/lib/vendor/\n");
        Files.writeString(repo.resolve("src/.gitignore"), "gen/\n");
        Files.writeString(repo.resolve("keep.log"), "needle kept despite *.log\n");
        Files.writeString(repo.resolve(".env"), "needle in a hidden file\n");
        byte[] binary = "needle before a NUL\0 and after needle\n".getBytes(StandardCharsets.UTF_8);
        Files.write(repo.resolve("src/blob.bin"), binary);
        Files.writeString(repo.resolve("src/crlf.txt"), "first needle\r\nsecond\r\nthird needle\r\n");
        Files.createSymbolicLink(repo.resolve("link-to-src"), Path.of("src"));
        context = ToolContext.readOnly(repo);
    }

    @Test
    void matchesRipgrepLineForLine() throws Exception {
        compare(List.of("-e", "needle"), args("pattern", "needle"));
        compare(List.of("-e", "needle\\w*\\b"), args("pattern", "needle\\w*\\b"));
        compare(List.of("-e", "^alpha"), args("pattern", "^alpha"));
        compare(List.of("-e", "omega$"), args("pattern", "omega$"));
        compare(List.of("-e", "[0-9]{3}"), args("pattern", "[0-9]{3}"));
        compare(List.of("-i", "-e", "NEEDLE"), args("pattern", "NEEDLE", "ignore_case", true));
        compare(List.of("-F", "-e", "a.b(c"), args("pattern", "a.b(c", "fixed_strings", true));
        compare(List.of("-C", "2", "-e", "needle"), args("pattern", "needle", "context", 2));
        compare(List.of("-C", "1", "-e", "beta"), args("pattern", "beta", "context", 1));
        compare(List.of("-g", "*.java", "-e", "needle"), args("pattern", "needle", "glob", "*.java"));
        compare(List.of("-g", "!*.txt", "-g", "!docs/**", "-e", "needle"),
                args("pattern", "needle", "glob", List.of("!*.txt", "!docs/**")));
        compare(List.of("-g", "src/**/*.c", "-e", "needle"), args("pattern", "needle", "glob", "src/**/*.c"));
        compare(List.of("--hidden", "-g", "!.git", "-e", "needle"), args("pattern", "needle", "hidden", true));
        compare(List.of("-e", "needle", "src"), args("pattern", "needle", "path", "src"));
        compare(List.of("-e", "needle", "src/crlf.txt"), args("pattern", "needle", "path", "src/crlf.txt"));
        compare(List.of("-e", "needle", "keep.log"), args("pattern", "needle", "path", "keep.log"));
        compare(List.of("-e", "needle", ".env"), args("pattern", "needle", "path", ".env"));
    }

    @Test
    void capsMatchesAndSaysSo() {
        ToolResult result = grep.execute(args("pattern", "needle", "max_results", 3), context);
        assertTrue(result.ok());
        assertTrue(result.truncated());
        assertEquals(3, result.data().get("match_count").asInt());
        assertTrue(result.text().contains("[stopped after max_results=3"), result.text());
    }

    @Test
    void reportsNoMatchesAndBadPatterns() {
        ToolResult none = grep.execute(args("pattern", "no-such-text-anywhere"), context);
        assertTrue(none.ok());
        assertTrue(none.text().startsWith("no matches"), none.text());
        ToolResult bad = grep.execute(args("pattern", "(unclosed"), context);
        assertEquals(Optional.of(ToolError.INVALID_PATTERN), bad.error());
        ToolResult wrongType = grep.execute(args("pattern", "x", "context", "2"), context);
        assertEquals(Optional.of(ToolError.INVALID_ARGUMENTS), wrongType.error());
        ToolResult missing = grep.execute(args("pattern", "x", "path", "nowhere"), context);
        assertEquals(Optional.of(ToolError.NOT_FOUND), missing.error());
    }

    @Test
    void structuredMatchesMirrorTheText() {
        ToolResult result = grep.execute(args("pattern", "needle", "path", "src/crlf.txt"), context);
        assertEquals("src/crlf.txt:1:first needle\nsrc/crlf.txt:3:third needle\n", result.text());
        assertEquals(2, result.data().get("matches").size());
        assertEquals("src/crlf.txt", result.data().get("matches").get(1).get("path").asText());
        assertEquals(3, result.data().get("matches").get(1).get("line").asInt());
        assertFalse(result.text().contains("\r"));
    }

    private void compare(List<String> rgArguments, ObjectNode grepArguments) throws Exception {
        List<String> command = new ArrayList<>(List.of("rg", "--no-config", "--no-ignore-global", "--sort", "path",
                "--no-heading", "--with-filename", "--line-number", "--color", "never"));
        command.addAll(rgArguments);
        String expected = Processes.run(repo, command).replace("\r", "");
        assertFalse(expected.isEmpty(), "ripgrep found nothing for " + command + "; is ripgrep installed? (.ci/run installs it)");
        ToolResult result = grep.execute(grepArguments.deepCopy().put("max_results", 100000), context);
        assertTrue(result.ok(), result.text());
        assertEquals(expected, result.text(), "grep " + grepArguments + " vs " + command);
    }

    private static final String[] WORDS = {"alpha", "beta", "gamma", "needle", "Needle", "omega", "a.b(c", "x1234",
            "needles", "NEEDLE", "42", "end", "{", "}", "  "};

    private static String randomLines(Random random, int count) {
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < count; i++) {
            int words = random.nextInt(5);
            for (int w = 0; w < words; w++) {
                if (w > 0) {
                    text.append(' ');
                }
                text.append(WORDS[random.nextInt(WORDS.length)]);
            }
            text.append('\n');
        }
        return text.toString();
    }
}

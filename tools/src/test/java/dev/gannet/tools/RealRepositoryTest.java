package dev.gannet.tools;

import static dev.gannet.tools.testing.Calls.args;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.gannet.tools.sandbox.Sandbox;
import dev.gannet.tools.testing.Processes;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * Every tool on a real repository checkout: this one. Surefire runs in the module directory, so
 * the checkout is its parent. git is the independent truth for what a walk should see.
 */
class RealRepositoryTest {
    private static final Path CHECKOUT = Path.of("..").toAbsolutePath().normalize();
    private final ToolRegistry registry = ToolRegistry.builtins(Sandbox.detect());
    private final ToolContext context = ToolContext.readOnly(CHECKOUT);

    @Test
    void listFilesSeesWhatGitSeesAsNotIgnored() throws Exception {
        ToolResult result = registry.execute("list_files", args("glob", "*.java", "max_results", 100000), context);
        assertTrue(result.ok(), result.text());
        Set<String> listed = new TreeSet<>(result.text().lines().toList());
        String git = Processes.run(CHECKOUT, List.of("git", "ls-files", "--cached", "--others", "--exclude-standard", "--", "*.java"));
        Set<String> expected = Arrays.stream(git.split("\n")).filter(s -> !s.isEmpty())
                .filter(p -> Files.exists(CHECKOUT.resolve(p)))
                .filter(p -> Arrays.stream(p.split("/")).noneMatch(name -> name.startsWith(".")))
                .collect(Collectors.toCollection(TreeSet::new));
        assertTrue(expected.size() > 50, "expected a real checkout at " + CHECKOUT);
        assertEquals(expected, listed);
    }

    @Test
    void grepFindsThisVeryClass() throws Exception {
        ToolResult result = registry.execute("grep", args("pattern", "^class RealRepositoryTest \\{$", "glob", "*.java"), context);
        assertEquals("tools/src/test/java/dev/gannet/tools/RealRepositoryTest.java:", result.text().substring(0, 61));
        int line = Files.readAllLines(CHECKOUT.resolve("tools/src/test/java/dev/gannet/tools/RealRepositoryTest.java"))
                .indexOf("class RealRepositoryTest {") + 1;
        assertEquals("tools/src/test/java/dev/gannet/tools/RealRepositoryTest.java:" + line + ":class RealRepositoryTest {\n",
                result.text());
    }

    @Test
    void readFileAndRunCommandAgreeWithTheFile() throws Exception {
        List<String> pom = Files.readAllLines(CHECKOUT.resolve("pom.xml"));
        ToolResult read = registry.execute("read_file", args("path", "pom.xml", "start_line", 2, "end_line", 3), context);
        assertEquals(String.format("%6d\t%s\n%6d\t%s\n", 2, pom.get(1), 3, pom.get(2)), read.text());
        ToolResult count = registry.execute("run_command", args("command", "wc -l < pom.xml && ls tools/src/main/java/dev/gannet/tools | head -3"), context);
        assertTrue(count.ok(), count.text());
        assertTrue(count.text().startsWith("exit status: 0\n" + pom.size() + "\n"), count.text());
    }
}

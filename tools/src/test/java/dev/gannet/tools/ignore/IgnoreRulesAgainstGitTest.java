package dev.gannet.tools.ignore;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.gannet.tools.testing.Processes;
import dev.gannet.tools.walk.WalkEntry;
import dev.gannet.tools.walk.WalkOptions;
import dev.gannet.tools.walk.WorkspaceWalker;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The ignore rules checked against git itself: for every path of a generated tree, whether the
 * walk skips it must be exactly what {@code git check-ignore} says, and the files it visits must be
 * exactly what {@code git ls-files --others --exclude-standard} lists.
 */
class IgnoreRulesAgainstGitTest {
    @TempDir
    Path temp;

    @Test
    void handWrittenRulesAgreeWithGit() throws Exception {
        Path repo = Files.createDirectories(temp.resolve("repo"));
        gitInit(repo);
        List<String> files = List.of(
                "app.log", "keep.log", "src/main.c", "src/main.h", "src/main.o", "src/app.log",
                "build/out.bin", "src/build/x.c", "dist/d.js", "src/dist/d.js",
                "doc/a.txt", "doc/sub/b.txt", "doc/c.md", "tmp/t", "src/tmp/t", "src/x/tmp/t",
                "logs/a/b/c.txt", "logs/top.txt", "a/z", "a/b/z", "a/b/c/z", "a/b/c/y",
                "#hash", "hash", "ax.md", "dx.md", "ay.md", "dy.md", "name with space ",
                "fooXbar", "foo/bar", "foobar", "sub/a.txt", "sub/important.txt", "sub/anchored",
                "sub/inner/anchored", "sub/deep/leaf", "sub/deep/1/2/leaf", "sub/deep/1/2/other",
                "sub/deeper/keep.log", "sub/deeper/x.txt", "sub/deeper/k.log", "[x", "q1.cfg", "qa.cfg",
                "vendor/lib/a.js", "vendor/lib/keep/b.js", "vendor/keep.js", "z/generated/y.rs");
        for (String file : files) {
            write(repo.resolve(file), "x\n");
        }
        write(repo.resolve(".gitignore"), String.join("\n",
                "# comment", "", "*.log", "!keep.log", "build/", "/dist", "doc/*.txt", "**/tmp",
                "logs/**", "a/**/z", "\\#hash", "[abc]x.md", "[!a-c]y.md", "*.[ch]", "!main.c",
                "name\\ with\\ space\\ ", "foo?bar", "[x", "q[[:digit:]].cfg", "vendor/*", "!vendor/keep.js",
                "**/generated/", "trailing-spaces   ") + "\n");
        write(repo.resolve("sub/.gitignore"), "*.txt\n!important.txt\n/anchored\ndeep/**/leaf\n");
        write(repo.resolve("sub/deeper/.gitignore"), "!*.log\nk.log\n");
        assertWalkAgreesWithGit(repo);
    }

    @Test
    void generatedRulesAgreeWithGit() throws Exception {
        for (int seed = 1; seed <= 12; seed++) {
            Path repo = Files.createDirectories(temp.resolve("random-" + seed));
            gitInit(repo);
            generate(repo, new Random(seed));
            assertWalkAgreesWithGit(repo);
        }
    }

    @Test
    void infoExcludeIsHonouredBelowGitignore() throws Exception {
        Path repo = Files.createDirectories(temp.resolve("exclude"));
        gitInit(repo);
        write(repo.resolve("secret.env"), "x");
        write(repo.resolve("also.env"), "x");
        write(repo.resolve("notes.txt"), "x");
        write(repo.resolve(".git/info/exclude"), "*.env\n");
        write(repo.resolve(".gitignore"), "!also.env\n");
        assertWalkAgreesWithGit(repo);
    }

    private static final String[] NAMES = {"a", "b", "ab", "build", "x.txt", "y.log", "z.md", "tmp", "a.c", "deep"};
    private static final String[] FRAGMENTS = {"a", "b", "ab", "build", "*.txt", "*.log", "x*", "?", "*", "tmp",
            "[ab]", "[!a]*", "deep", "*.c", "y.*", "z.md"};

    private static void generate(Path repo, Random random) throws IOException {
        List<String> dirs = new ArrayList<>(List.of(""));
        for (int i = 0; i < 14; i++) {
            String parent = dirs.get(random.nextInt(dirs.size()));
            if (parent.split("/").length < 3) {
                dirs.add(join(parent, NAMES[random.nextInt(NAMES.length)]));
            }
        }
        for (int i = 0; i < 45; i++) {
            String dir = dirs.get(random.nextInt(dirs.size()));
            String name = NAMES[random.nextInt(NAMES.length)];
            Path file = repo.resolve(join(dir, name));
            if (!Files.isDirectory(file) && !dirs.contains(join(dir, name))) {
                write(file, "x\n");
            }
        }
        for (String dir : dirs) {
            Files.createDirectories(repo.resolve(dir));
            if (random.nextInt(3) == 0 || dir.isEmpty()) {
                StringBuilder rules = new StringBuilder();
                int count = 2 + random.nextInt(5);
                for (int i = 0; i < count; i++) {
                    rules.append(randomPattern(random)).append('\n');
                }
                write(repo.resolve(join(dir, ".gitignore")), rules.toString());
            }
        }
    }

    private static String randomPattern(Random random) {
        StringBuilder pattern = new StringBuilder();
        if (random.nextInt(4) == 0) {
            pattern.append('!');
        }
        switch (random.nextInt(5)) {
            case 0 -> pattern.append('/');
            case 1 -> pattern.append("**/");
            default -> { }
        }
        int parts = 1 + random.nextInt(2);
        for (int i = 0; i < parts; i++) {
            if (i > 0) {
                pattern.append(random.nextInt(4) == 0 ? "/**/" : "/");
            }
            pattern.append(FRAGMENTS[random.nextInt(FRAGMENTS.length)]);
        }
        switch (random.nextInt(6)) {
            case 0 -> pattern.append('/');
            case 1 -> pattern.append("/**");
            default -> { }
        }
        return pattern.toString();
    }

    private void assertWalkAgreesWithGit(Path repo) throws Exception {
        Path root = repo.toRealPath();
        Set<String> all;
        try (Stream<Path> paths = Files.walk(root)) {
            all = paths.filter(p -> !p.equals(root))
                    .map(p -> root.relativize(p).toString())
                    .filter(p -> !p.equals(".git") && !p.startsWith(".git/"))
                    .collect(Collectors.toCollection(TreeSet::new));
        }
        String input = String.join("\n", all) + "\n";
        Set<String> gitIgnored = new TreeSet<>(lines(Processes.run(root, input,
                List.of("git", "check-ignore", "--no-index", "--stdin"))));
        Set<String> gitListedFiles = new TreeSet<>(lines(Processes.run(root,
                List.of("git", "ls-files", "--others", "--exclude-standard"))));

        WalkOptions everything = new WalkOptions(true, true, Integer.MAX_VALUE, GlobFilter.acceptAll());
        List<WalkEntry> walked = new WorkspaceWalker(root).list(root, everything);
        Set<String> visited = walked.stream().map(WalkEntry::relative).collect(Collectors.toCollection(TreeSet::new));
        Set<String> ourIgnored = new TreeSet<>(all);
        ourIgnored.removeAll(visited);
        Set<String> ourFiles = walked.stream().filter(e -> Files.isRegularFile(e.absolute()))
                .map(WalkEntry::relative).collect(Collectors.toCollection(TreeSet::new));

        String rules = describeRules(root);
        assertEquals(gitIgnored, ourIgnored, "ignored paths differ from git check-ignore in " + root + "\n" + rules);
        assertEquals(gitListedFiles, ourFiles, "visited files differ from git ls-files in " + root + "\n" + rules);
        assertTrue(visited.size() + ourIgnored.size() == all.size());
    }

    private static String describeRules(Path root) throws IOException {
        try (Stream<Path> paths = Files.walk(root)) {
            return paths.filter(p -> p.getFileName().toString().equals(".gitignore")).map(p -> {
                try {
                    return root.relativize(p) + ":\n" + Files.readString(p);
                } catch (IOException e) {
                    return p.toString();
                }
            }).collect(Collectors.joining("\n"));
        }
    }

    private static List<String> lines(String text) {
        return Arrays.stream(text.split("\n")).filter(s -> !s.isEmpty()).toList();
    }

    private static void gitInit(Path repo) throws Exception {
        Processes.run(repo, List.of("git", "init", "-q", "."));
    }

    private static String join(String dir, String name) {
        return dir.isEmpty() ? name : dir + "/" + name;
    }

    private static void write(Path file, String text) throws IOException {
        Files.createDirectories(file.getParent());
        Files.writeString(file, text);
    }
}

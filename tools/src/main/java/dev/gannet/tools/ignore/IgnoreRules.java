package dev.gannet.tools.ignore;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The ignore patterns of one directory, in precedence order: {@code .git/info/exclude} (workspace
 * root only), then {@code .gitignore}, then {@code .ignore} (ripgrep's own file, which overrides
 * .gitignore). Within one directory the last matching pattern decides, as in git.
 */
public final class IgnoreRules {
    /** What the patterns of one directory say about a path. */
    public enum Verdict { IGNORED, INCLUDED, NO_MATCH }

    private static final String[] FILES = {".gitignore", ".ignore"};
    private static final String UTF8_BOM = "\uFEFF";

    private final List<IgnorePattern> patterns;

    IgnoreRules(List<IgnorePattern> patterns) {
        this.patterns = List.copyOf(patterns);
    }

    /**
     * Reads the ignore files of a directory. Ignore files that are symbolic links are skipped: the
     * workspace's rules must come from the workspace.
     */
    public static IgnoreRules load(Path directory, boolean isWorkspaceRoot) throws IOException {
        List<IgnorePattern> patterns = new ArrayList<>();
        if (isWorkspaceRoot) {
            readInto(directory.resolve(".git").resolve("info").resolve("exclude"), patterns);
        }
        for (String name : FILES) {
            readInto(directory.resolve(name), patterns);
        }
        return new IgnoreRules(patterns);
    }

    /** Rules from text, one pattern a line, as in a .gitignore file. */
    public static IgnoreRules parse(String text) {
        List<IgnorePattern> patterns = new ArrayList<>();
        addLines(text, patterns);
        return new IgnoreRules(patterns);
    }

    public boolean isEmpty() {
        return patterns.isEmpty();
    }

    /** The verdict of the last pattern matching a path relative to this directory. */
    public Verdict verdict(String relativePath, String name, boolean isDirectory) {
        for (int i = patterns.size() - 1; i >= 0; i--) {
            IgnorePattern pattern = patterns.get(i);
            if (pattern.matches(relativePath, name, isDirectory)) {
                return pattern.negated() ? Verdict.INCLUDED : Verdict.IGNORED;
            }
        }
        return Verdict.NO_MATCH;
    }

    private static void readInto(Path file, List<IgnorePattern> patterns) throws IOException {
        if (!Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS)) {
            return;
        }
        addLines(new String(Files.readAllBytes(file), StandardCharsets.UTF_8), patterns);
    }

    private static void addLines(String text, List<IgnorePattern> patterns) {
        String body = text.startsWith(UTF8_BOM) ? text.substring(1) : text;
        for (String line : body.split("\n", -1)) {
            IgnorePattern.parseLine(line).ifPresent(patterns::add);
        }
    }
}

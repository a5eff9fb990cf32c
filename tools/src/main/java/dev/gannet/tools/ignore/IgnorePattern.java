package dev.gannet.tools.ignore;

import java.util.Optional;
import java.util.regex.Pattern;

/**
 * One line of a .gitignore file, compiled, with git's rules for what the line means: {@code !}
 * negates, a trailing {@code /} matches directories only, a pattern with a {@code /} at its start
 * or in its middle is anchored to the file's directory, one without matches a name at any depth.
 * The same form serves ripgrep-style {@code --glob} filters.
 */
public final class IgnorePattern {
    private enum Test { LITERAL, SUFFIX, REGEX, NEVER }

    private final String source;
    private final boolean negated;
    private final boolean directoryOnly;
    private final boolean matchesName;
    private final Test test;
    private final String literal;
    private final Pattern regex;

    private IgnorePattern(String source, boolean negated, boolean directoryOnly, String glob) {
        this.source = source;
        this.negated = negated;
        this.directoryOnly = directoryOnly;
        this.matchesName = glob.indexOf('/') < 0;
        String anchoredGlob = glob.startsWith("/") ? glob.substring(1) : glob;
        if (GlobTranslator.isLiteral(anchoredGlob)) {
            this.test = Test.LITERAL;
            this.literal = anchoredGlob;
            this.regex = null;
        } else if (matchesName && anchoredGlob.startsWith("*") && GlobTranslator.isLiteral(anchoredGlob.substring(1))) {
            this.test = Test.SUFFIX;
            this.literal = anchoredGlob.substring(1);
            this.regex = null;
        } else {
            Optional<String> translated = GlobTranslator.toRegex(anchoredGlob);
            this.test = translated.isPresent() ? Test.REGEX : Test.NEVER;
            this.literal = null;
            this.regex = translated.map(Pattern::compile).orElse(null);
        }
    }

    /**
     * Parses one line of an ignore file; empty for blank lines and comments. Trailing spaces are
     * dropped unless escaped with a backslash, as git does; a trailing carriage return is dropped,
     * as ripgrep does for files written on Windows.
     */
    public static Optional<IgnorePattern> parseLine(String line) {
        String text = line.endsWith("\r") ? line.substring(0, line.length() - 1) : line;
        text = trimUnescapedTrailingSpaces(text);
        if (text.isEmpty() || text.startsWith("#")) {
            return Optional.empty();
        }
        boolean negated = text.startsWith("!");
        if (negated) {
            text = text.substring(1);
        }
        return of(line, negated, text);
    }

    /**
     * Parses a ripgrep-style glob filter: a leading {@code !} marks an exclusion, which this method
     * reports as {@link #negated()}.
     */
    public static Optional<IgnorePattern> parseGlob(String glob) {
        boolean exclude = glob.startsWith("!");
        return of(glob, exclude, exclude ? glob.substring(1) : glob);
    }

    private static Optional<IgnorePattern> of(String source, boolean negated, String text) {
        boolean directoryOnly = text.endsWith("/");
        if (directoryOnly) {
            text = text.substring(0, text.length() - 1);
        }
        if (text.isEmpty() || text.equals("/")) {
            return Optional.empty();
        }
        return Optional.of(new IgnorePattern(source, negated, directoryOnly, text));
    }

    /**
     * Whether the pattern matches a path.
     *
     * @param relativePath the path relative to the directory the pattern belongs to, {@code /}-separated
     * @param name         the last name of the path
     * @param isDirectory  whether the path is a directory
     */
    public boolean matches(String relativePath, String name, boolean isDirectory) {
        if (directoryOnly && !isDirectory) {
            return false;
        }
        String subject = matchesName ? name : relativePath;
        return switch (test) {
            case LITERAL -> subject.equals(literal);
            case SUFFIX -> subject.endsWith(literal);
            case REGEX -> regex.matcher(subject).matches();
            case NEVER -> false;
        };
    }

    /** For an ignore line, whether it re-includes ({@code !}); for a glob filter, whether it excludes. */
    public boolean negated() {
        return negated;
    }

    public String source() {
        return source;
    }

    private static String trimUnescapedTrailingSpaces(String text) {
        int end = text.length();
        while (end > 0 && text.charAt(end - 1) == ' ') {
            int backslashes = 0;
            for (int k = end - 2; k >= 0 && text.charAt(k) == '\\'; k--) {
                backslashes++;
            }
            if (backslashes % 2 == 1) {
                break; // "\ " keeps the space
            }
            end--;
        }
        return text.substring(0, end);
    }

    @Override
    public String toString() {
        return source;
    }
}

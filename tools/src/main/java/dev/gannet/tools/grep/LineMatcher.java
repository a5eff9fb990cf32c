package dev.gannet.tools.grep;

import dev.gannet.tools.ToolError;
import dev.gannet.tools.ToolException;
import dev.gannet.tools.text.Quote;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * Decides which lines of a text match. Searching is done in two steps so that a whole file can be
 * scanned in one pass: {@link #candidate} finds the next place anything could match, and
 * {@link #matchesLine} confirms that the line around it matches on its own (a regex such as
 * {@code a\s+b} could otherwise match across a line break, which grep semantics forbid).
 *
 * <p>Not thread-safe: each searching thread makes its own with {@link #copy()}.
 */
public abstract sealed class LineMatcher {
    /**
     * Compiles a pattern: a Java regex (the default), or with {@code fixedStrings} the literal text.
     *
     * @throws ToolException if the regex does not compile or the pattern holds a line break
     */
    public static LineMatcher compile(String pattern, boolean fixedStrings, boolean ignoreCase) throws ToolException {
        if (pattern.indexOf('\n') >= 0) {
            throw new ToolException(ToolError.INVALID_PATTERN,
                    "pattern " + Quote.of(pattern) + " contains a line break; grep matches within single lines");
        }
        if (!ignoreCase && (fixedStrings || isPlainText(pattern))) {
            return new Literal(pattern);
        }
        // UNIX_LINES: only '\n' ends a line, as in ripgrep ('.' matches '\r', '$' does not stop before it).
        int flags = Pattern.UNIX_LINES | (ignoreCase ? Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE : 0);
        String source = fixedStrings ? Pattern.quote(pattern) : pattern;
        try {
            Optional<String> required = fixedStrings ? Optional.of(pattern) : RequiredLiteral.of(pattern);
            return new Regex(Pattern.compile(source, flags | Pattern.MULTILINE), Pattern.compile(source, flags),
                    fixedStrings || !dependsOnSurroundings(pattern),
                    required.map(literal -> ignoreCase ? RequiredLiteral.fold(literal) : literal), ignoreCase);
        } catch (PatternSyntaxException e) {
            throw new ToolException(ToolError.INVALID_PATTERN, "invalid regular expression " + Quote.of(pattern)
                    + ": " + e.getDescription() + " near index " + e.getIndex()
                    + "; set fixed_strings to search for the text literally");
        }
    }

    /** Whether a regex has no special characters, so it matches exactly its own text. */
    static boolean isPlainText(String pattern) {
        for (int i = 0; i < pattern.length(); i++) {
            if ("\\^$.|?*+()[]{}".indexOf(pattern.charAt(i)) >= 0) {
                return false;
            }
        }
        return true;
    }

    /**
     * Whether a pattern can look past the edges of a line: lookaround, or anchors to the whole
     * input ({@code \A}, {@code \z}, {@code \Z}, {@code \G}). Scanning a whole file for such a
     * pattern could miss a line that matches on its own, so those are searched a line at a time.
     */
    static boolean dependsOnSurroundings(String pattern) {
        return pattern.contains("(?=") || pattern.contains("(?!") || pattern.contains("(?<=") || pattern.contains("(?<!")
                || pattern.contains("\\A") || pattern.contains("\\z") || pattern.contains("\\Z") || pattern.contains("\\G");
    }

    /** Whether {@link #candidate} may scan a whole text at once; if not, lines are tested one by one. */
    abstract boolean scansWholeText();

    /** Where, at or after {@code from}, something may match; -1 if nowhere. */
    abstract int candidate(String text, int from, Deadline deadline);

    /** Whether the line {@code [start, end)} of {@code text} matches on its own. */
    abstract boolean matchesLine(String text, int start, int end, Deadline deadline);

    /** A matcher for another thread. */
    abstract LineMatcher copy();

    /** Literal, case-sensitive text: {@link String#indexOf} is a vectorized intrinsic. */
    static final class Literal extends LineMatcher {
        private final String literal;

        Literal(String literal) {
            this.literal = literal;
        }

        @Override
        int candidate(String text, int from, Deadline deadline) {
            return text.indexOf(literal, from);
        }

        @Override
        boolean matchesLine(String text, int start, int end, Deadline deadline) {
            int at = text.indexOf(literal, start);
            return at >= 0 && at + literal.length() <= end;
        }

        @Override
        boolean scansWholeText() {
            return true;
        }

        @Override
        LineMatcher copy() {
            return this;
        }
    }

    /**
     * A {@link Pattern} compiled twice: with {@code MULTILINE} to scan a whole text, so that
     * {@code ^} and {@code $} anchor at every line, and without it to confirm one line as a region
     * of its own (in {@code MULTILINE} mode {@code ^} never matches at the end of the input, so an
     * empty line could not match {@code ^$}).
     */
    static final class Regex extends LineMatcher {
        private final Pattern scan;
        private final Pattern line;
        private final boolean scansWholeText;
        /** Text every match contains (case-folded when ignoring case): candidates are found by indexOf. */
        private final Optional<String> required;
        private final boolean ignoreCase;
        private Matcher scanMatcher;
        private Matcher lineMatcher;
        private DeadlineCharSequence input;
        private String haystack;

        Regex(Pattern scan, Pattern line, boolean scansWholeText, Optional<String> required, boolean ignoreCase) {
            this.scan = scan;
            this.line = line;
            this.scansWholeText = scansWholeText;
            this.required = required;
            this.ignoreCase = ignoreCase;
        }

        @Override
        boolean scansWholeText() {
            return scansWholeText;
        }

        @Override
        int candidate(String text, int from, Deadline deadline) {
            prepare(text, deadline);
            if (required.isPresent()) {
                return haystack.indexOf(required.get(), from);
            }
            return scanMatcher.find(from) ? scanMatcher.start() : -1;
        }

        @Override
        boolean matchesLine(String text, int start, int end, Deadline deadline) {
            prepare(text, deadline);
            lineMatcher.region(start, end); // opaque, anchoring bounds: the line is the whole input
            return lineMatcher.find();
        }

        private void prepare(String text, Deadline deadline) {
            // Identity, not equality: the matchers serve every call on the same file text.
            if (input == null || input.toString() != text) {
                input = new DeadlineCharSequence(text, deadline);
                scanMatcher = scan.matcher(input);
                lineMatcher = line.matcher(input);
                haystack = required.isEmpty() || !ignoreCase ? text
                        : RequiredLiteral.isAscii(required.get()) ? RequiredLiteral.foldForAsciiLiteral(text)
                        : RequiredLiteral.fold(text);
            }
        }

        @Override
        LineMatcher copy() {
            return new Regex(scan, line, scansWholeText, required, ignoreCase);
        }
    }
}

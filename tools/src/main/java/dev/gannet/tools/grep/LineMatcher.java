package dev.gannet.tools.grep;

import dev.gannet.tools.ToolError;
import dev.gannet.tools.ToolException;
import dev.gannet.tools.text.Quote;
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
        if (fixedStrings && !ignoreCase) {
            return new Literal(pattern);
        }
        int flags = Pattern.MULTILINE | (ignoreCase ? Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE : 0);
        String source = fixedStrings ? Pattern.quote(pattern) : pattern;
        try {
            return new Regex(Pattern.compile(source, flags));
        } catch (PatternSyntaxException e) {
            throw new ToolException(ToolError.INVALID_PATTERN, "invalid regular expression " + Quote.of(pattern)
                    + ": " + e.getDescription() + " near index " + e.getIndex()
                    + "; set fixed_strings to search for the text literally");
        }
    }

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
        LineMatcher copy() {
            return this;
        }
    }

    /** A {@link Pattern} with {@code MULTILINE}, so that {@code ^} and {@code $} anchor at lines. */
    static final class Regex extends LineMatcher {
        private final Pattern pattern;
        private Matcher matcher;
        private DeadlineCharSequence input;

        Regex(Pattern pattern) {
            this.pattern = pattern;
        }

        @Override
        int candidate(String text, int from, Deadline deadline) {
            Matcher m = matcherFor(text, deadline);
            return m.find(from) ? m.start() : -1;
        }

        @Override
        boolean matchesLine(String text, int start, int end, Deadline deadline) {
            Matcher m = matcherFor(text, deadline);
            m.region(start, end); // opaque, anchoring bounds: the line is the whole input
            return m.find();
        }

        private Matcher matcherFor(String text, Deadline deadline) {
            // Identity, not equality: one matcher serves every call on the same file text.
            if (input == null || input.toString() != text) {
                input = new DeadlineCharSequence(text, deadline);
                matcher = pattern.matcher(input);
            }
            return matcher;
        }

        @Override
        LineMatcher copy() {
            return new Regex(pattern);
        }
    }
}

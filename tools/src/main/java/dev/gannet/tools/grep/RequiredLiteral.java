package dev.gannet.tools.grep;

import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * Finds text that every match of a regex must contain, so a search can jump between occurrences
 * of it with {@link String#indexOf} (a vectorized intrinsic) and run the regex only on the lines
 * around them. This is how ripgrep is fast; here it turns a search that tries the regex at every
 * position of every file into one that tries it on a few lines.
 *
 * <p>The analysis is deliberately conservative: it reads only the top level of the pattern, takes
 * runs of plain characters there, and gives up (answers empty, meaning "scan with the regex") on
 * anything it does not fully understand: a top-level {@code |}, inline flags, {@code \Q} quoting.
 * Groups, classes, escapes such as {@code \w} and quantified atoms end a run; a character
 * followed by a quantifier is dropped from its run, since it may occur any number of times.
 */
final class RequiredLiteral {
    private static final int MIN_LENGTH = 3;

    private RequiredLiteral() {
    }

    /** The longest run of at least three characters every match contains, or empty. */
    static Optional<String> of(String regex) {
        if (regex.contains("(?") || regex.contains("\\Q")) {
            return Optional.empty(); // inline flags, lookaround, named groups: not worth the risk
        }
        String best = "";
        StringBuilder run = new StringBuilder();
        boolean lastWasLiteral = false;
        int i = 0;
        int n = regex.length();
        while (i < n) {
            char c = regex.charAt(i);
            switch (c) {
                case '\\' -> {
                    if (i + 1 >= n) {
                        return Optional.empty();
                    }
                    char escaped = regex.charAt(i + 1);
                    if (Character.isLetterOrDigit(escaped) || escaped > 0x7f) {
                        best = longer(best, run); // \w, \b, \d, \p{..}, \x41, \t: not plain text here
                        run.setLength(0);
                        lastWasLiteral = false;
                        i = skipEscape(regex, i);
                        if (i < 0) {
                            return Optional.empty();
                        }
                    } else {
                        run.append(escaped);
                        lastWasLiteral = true;
                        i += 2;
                    }
                }
                case '[' -> {
                    int end = skipClass(regex, i);
                    if (end < 0) {
                        return Optional.empty();
                    }
                    best = longer(best, run);
                    run.setLength(0);
                    lastWasLiteral = false;
                    i = end;
                }
                case '(' -> {
                    int end = skipGroup(regex, i);
                    if (end < 0) {
                        return Optional.empty();
                    }
                    best = longer(best, run);
                    run.setLength(0);
                    lastWasLiteral = false;
                    i = end;
                }
                case '|', ')' -> {
                    return Optional.empty(); // alternation at the top level: no single required text
                }
                case '?', '*', '+', '{' -> {
                    if (lastWasLiteral && !run.isEmpty()) {
                        run.setLength(run.length() - 1); // that character may be absent or repeated
                    }
                    best = longer(best, run);
                    run.setLength(0);
                    lastWasLiteral = false;
                    i = c == '{' ? skipPast(regex, i, '}') : i + 1;
                    if (i < 0) {
                        return Optional.empty();
                    }
                    if (i < n && (regex.charAt(i) == '?' || regex.charAt(i) == '+')) {
                        i++; // lazy or possessive form of the quantifier
                    }
                }
                case '.', '^', '$' -> {
                    best = longer(best, run);
                    run.setLength(0);
                    lastWasLiteral = false;
                    i++;
                }
                default -> {
                    if (Character.isSurrogate(c)) {
                        best = longer(best, run); // keep runs to whole BMP characters
                        run.setLength(0);
                        lastWasLiteral = false;
                    } else {
                        run.append(c);
                        lastWasLiteral = true;
                    }
                    i++;
                }
            }
        }
        best = longer(best, run);
        return best.length() >= MIN_LENGTH ? Optional.of(best) : Optional.empty();
    }

    /**
     * Folds case the way {@link java.util.regex.Pattern} compares characters under
     * {@code CASE_INSENSITIVE | UNICODE_CASE}: two characters match exactly when their folds are
     * equal. Folding keeps the length, so offsets in the folded text are offsets in the original.
     */
    static String fold(String text) {
        char[] folded = new char[text.length()];
        for (int i = 0; i < folded.length; i++) {
            char c = text.charAt(i);
            if (c < 0x80) {
                folded[i] = c >= 'A' && c <= 'Z' ? (char) (c + 32) : c;
            } else {
                folded[i] = Character.toLowerCase(Character.toUpperCase(c));
            }
        }
        return new String(folded);
    }

    /**
     * The same as {@link #fold} wherever the folded text is searched for a folded ASCII literal,
     * and several times faster: the text goes through Latin-1 bytes, where folding is a loop the JIT
     * vectorizes. Characters beyond Latin-1 turn into '?' (a false candidate at worst, which the
     * regex then rejects), except the four that fold to ASCII letters (İ, ı, ſ and the Kelvin sign),
     * whose presence sends the text through {@link #fold}.
     */
    static String foldForAsciiLiteral(String text) {
        if (text.indexOf('\u0130') >= 0 || text.indexOf('\u0131') >= 0 || text.indexOf('\u017F') >= 0
                || text.indexOf('\u212A') >= 0) {
            return fold(text);
        }
        byte[] bytes = text.getBytes(StandardCharsets.ISO_8859_1);
        for (int i = 0; i < bytes.length; i++) {
            byte b = bytes[i];
            bytes[i] = b >= 'A' && b <= 'Z' ? (byte) (b + ('a' - 'A')) : b;
        }
        return new String(bytes, StandardCharsets.ISO_8859_1);
    }

    static boolean isAscii(String text) {
        for (int i = 0; i < text.length(); i++) {
            if (text.charAt(i) >= 0x80) {
                return false;
            }
        }
        return true;
    }

    private static String longer(String best, StringBuilder run) {
        return run.length() > best.length() ? run.toString() : best;
    }

    /**
     * Index after an escape that is not plain text, however many characters it spans
     * ({@code \x41}, {@code \u0041}, {@code \0101}, {@code \cA}, {@code \p{Lu}}, {@code \k<name>});
     * -1 for a back reference, whose length Java decides by which groups exist.
     */
    private static int skipEscape(String regex, int backslash) {
        int n = regex.length();
        int i = backslash + 2;
        char kind = regex.charAt(backslash + 1);
        boolean braced = i < n && regex.charAt(i) == '{';
        return switch (kind) {
            case 'x' -> braced ? after(regex, i, '}') : Math.min(n, i + 2);
            case 'u' -> Math.min(n, i + 4);
            case 'c' -> Math.min(n, i + 1);
            case '0' -> {
                int end = i;
                while (end < n && end < i + 3 && regex.charAt(end) >= '0' && regex.charAt(end) <= '7') {
                    end++;
                }
                yield end;
            }
            case 'p', 'P' -> braced ? after(regex, i, '}') : Math.min(n, i + 1);
            case 'N', 'b' -> braced ? after(regex, i, '}') : i;
            case 'k' -> after(regex, i, '>');
            case '1', '2', '3', '4', '5', '6', '7', '8', '9' -> -1;
            default -> i;
        };
    }

    private static int after(String regex, int from, char close) {
        int at = regex.indexOf(close, from);
        return at < 0 ? regex.length() : at + 1;
    }

    /** Index after the class opened at {@code open}, nested classes included; -1 if unclosed. */
    private static int skipClass(String regex, int open) {
        int depth = 0;
        int i = open;
        while (i < regex.length()) {
            char c = regex.charAt(i);
            if (c == '\\') {
                i += 2;
                continue;
            }
            if (c == '[') {
                depth++;
                if (i + 1 < regex.length() && regex.charAt(i + 1) == '^') {
                    i++;
                }
                if (i + 1 < regex.length() && regex.charAt(i + 1) == ']') {
                    i++; // a ']' first in a class is a literal
                }
            } else if (c == ']') {
                depth--;
                if (depth == 0) {
                    return i + 1;
                }
            }
            i++;
        }
        return -1;
    }

    /** Index after the group opened at {@code open}; -1 if unbalanced. */
    private static int skipGroup(String regex, int open) {
        int depth = 0;
        int i = open;
        while (i < regex.length()) {
            char c = regex.charAt(i);
            if (c == '\\') {
                i += 2;
                continue;
            }
            if (c == '[') {
                int end = skipClass(regex, i);
                if (end < 0) {
                    return -1;
                }
                i = end;
                continue;
            }
            if (c == '(') {
                depth++;
            } else if (c == ')') {
                depth--;
                if (depth == 0) {
                    return i + 1;
                }
            }
            i++;
        }
        return -1;
    }

    private static int skipPast(String regex, int from, char close) {
        int at = regex.indexOf(close, from);
        return at < 0 ? -1 : at + 1;
    }
}

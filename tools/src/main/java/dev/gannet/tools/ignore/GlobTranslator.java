package dev.gannet.tools.ignore;

import java.util.Map;
import java.util.Optional;

/**
 * Translates a glob in git's wildmatch dialect (the one .gitignore files and ripgrep's
 * {@code --glob} use, with slashes significant) into a {@link java.util.regex.Pattern} source.
 *
 * <p>{@code *} and {@code ?} never match {@code /}; {@code **} matches across directories only as
 * a whole name ({@code **}{@code /x}, {@code x/**}, {@code x/**}{@code /y}), elsewhere it is a plain
 * {@code *}; brackets take ranges, {@code !} or {@code ^} for negation and POSIX classes such as
 * {@code [:digit:]}; a backslash makes the next character literal. A glob git would reject (an
 * unclosed bracket, an unknown class, a trailing backslash) matches nothing, as in git.
 */
final class GlobTranslator {
    private static final Map<String, String> POSIX_CLASSES = Map.ofEntries(
            Map.entry("alnum", "\\p{Alnum}"), Map.entry("alpha", "\\p{Alpha}"),
            Map.entry("blank", "\\p{Blank}"), Map.entry("cntrl", "\\p{Cntrl}"),
            Map.entry("digit", "\\p{Digit}"), Map.entry("graph", "\\p{Graph}"),
            Map.entry("lower", "\\p{Lower}"), Map.entry("print", "\\p{Print}"),
            Map.entry("punct", "\\p{Punct}"), Map.entry("space", "\\p{Space}"),
            Map.entry("upper", "\\p{Upper}"), Map.entry("xdigit", "\\p{XDigit}"));

    private GlobTranslator() {
    }

    /** The regex source matching exactly what the glob matches, or empty if it can never match. */
    static Optional<String> toRegex(String glob) {
        StringBuilder re = new StringBuilder(glob.length() * 2);
        int n = glob.length();
        int i = 0;
        while (i < n) {
            char c = glob.charAt(i);
            if (c == '*') {
                int j = i;
                while (j < n && glob.charAt(j) == '*') {
                    j++;
                }
                boolean wholeName = (i == 0 || glob.charAt(i - 1) == '/') && (j == n || glob.charAt(j) == '/');
                if (j - i >= 2 && wholeName) {
                    if (j == n) {
                        re.append(".*");
                    } else {
                        re.append("(?:.*/)?");
                        j++; // the slash belongs to the "any directories" group
                    }
                } else {
                    re.append("[^/]*");
                }
                i = j;
            } else if (c == '?') {
                re.append("[^/]");
                i++;
            } else if (c == '[') {
                int end = appendBracket(glob, i, re);
                if (end < 0) {
                    return Optional.empty();
                }
                i = end;
            } else if (c == '\\') {
                if (i + 1 >= n) {
                    return Optional.empty();
                }
                appendLiteral(re, glob.charAt(i + 1));
                i += 2;
            } else {
                appendLiteral(re, c);
                i++;
            }
        }
        return Optional.of(re.toString());
    }

    /** Whether the glob has no special characters at all, so plain string equality decides. */
    static boolean isLiteral(String glob) {
        for (int i = 0; i < glob.length(); i++) {
            char c = glob.charAt(i);
            if (c == '*' || c == '?' || c == '[' || c == '\\') {
                return false;
            }
        }
        return true;
    }

    /**
     * Appends the class for the bracket expression starting at {@code open}; returns the index after
     * its closing bracket, or -1 when the expression is malformed.
     */
    private static int appendBracket(String glob, int open, StringBuilder re) {
        int n = glob.length();
        int i = open + 1;
        boolean negated = i < n && (glob.charAt(i) == '!' || glob.charAt(i) == '^');
        if (negated) {
            i++;
        }
        StringBuilder items = new StringBuilder();
        boolean first = true;
        while (true) {
            if (i >= n) {
                return -1;
            }
            char c = glob.charAt(i);
            if (c == ']' && !first) {
                i++;
                break;
            }
            first = false;
            if (c == '[' && i + 1 < n && glob.charAt(i + 1) == ':') {
                int close = glob.indexOf(":]", i + 2);
                if (close < 0) {
                    return -1;
                }
                String name = glob.substring(i + 2, close);
                String cls = POSIX_CLASSES.get(name);
                if (cls == null) {
                    return -1;
                }
                items.append(cls);
                i = close + 2;
                continue;
            }
            if (c == '\\') {
                i++;
                if (i >= n) {
                    return -1;
                }
                c = glob.charAt(i);
            }
            i++;
            if (i + 1 < n && glob.charAt(i) == '-' && glob.charAt(i + 1) != ']') {
                char high = glob.charAt(i + 1);
                int next = i + 2;
                if (high == '\\') {
                    if (i + 2 >= n) {
                        return -1;
                    }
                    high = glob.charAt(i + 2);
                    next = i + 3;
                }
                if (c <= high) {
                    items.append(escapeInClass(c)).append('-').append(escapeInClass(high));
                }
                i = next;
            } else {
                items.append(escapeInClass(c));
            }
        }
        if (items.isEmpty()) {
            // Only empty or inverted ranges: nothing (or, negated, anything but '/') matches.
            re.append(negated ? "[^/]" : "(?!)");
        } else {
            re.append("(?:(?!/)[").append(negated ? "^" : "").append(items).append("])");
        }
        return i;
    }

    private static String escapeInClass(char c) {
        return Character.isLetterOrDigit(c) && c < 0x80 ? String.valueOf(c) : String.format("\\x{%x}", (int) c);
    }

    private static void appendLiteral(StringBuilder re, char c) {
        if (c < 0x80 && Character.isLetterOrDigit(c)) {
            re.append(c);
        } else if (c == '/') {
            re.append('/');
        } else {
            re.append(String.format("\\x{%x}", (int) c));
        }
    }
}

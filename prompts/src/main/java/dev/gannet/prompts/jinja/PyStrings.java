package dev.gannet.prompts.jinja;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Python's string operations over Java strings. Python counts code points where Java counts UTF-16
 * units, so lengths, indices and slices go through code points here (an emoji is one character).
 */
final class PyStrings {
    private PyStrings() {
    }

    // ---- code points ---------------------------------------------------------------------------

    static int length(String s) {
        return s.codePointCount(0, s.length());
    }

    static int[] codePoints(String s) {
        return s.codePoints().toArray();
    }

    static String fromCodePoints(int[] points, int from, int to) {
        return new String(points, from, to - from);
    }

    /** The Java index of the code point at {@code index}. */
    static int offsetOf(String s, int index) {
        return s.offsetByCodePoints(0, index);
    }

    /** The code point index of the Java index {@code offset}. */
    static int indexOf(String s, int offset) {
        return s.codePointCount(0, offset);
    }

    // ---- character classes -----------------------------------------------------------------------

    /** Python's {@code str.isspace} for one character. */
    static boolean isSpace(int cp) {
        return Character.isWhitespace(cp) || Character.isSpaceChar(cp) || cp == 0x85;
    }

    static boolean isCased(int cp) {
        return Character.isUpperCase(cp) || Character.isLowerCase(cp) || Character.isTitleCase(cp);
    }

    /** Python's {@code str.isprintable} for one character (what repr leaves unescaped). */
    static boolean isPrintable(int cp) {
        if (cp == ' ') {
            return true;
        }
        return switch (Character.getType(cp)) {
            case Character.CONTROL, Character.FORMAT, Character.SURROGATE, Character.PRIVATE_USE,
                 Character.UNASSIGNED, Character.LINE_SEPARATOR, Character.PARAGRAPH_SEPARATOR,
                 Character.SPACE_SEPARATOR -> false;
            default -> true;
        };
    }

    // ---- repr ----------------------------------------------------------------------------------

    static String repr(String s) {
        char quote = s.indexOf('\'') >= 0 && s.indexOf('"') < 0 ? '"' : '\'';
        StringBuilder out = new StringBuilder(s.length() + 2).append(quote);
        s.codePoints().forEach(cp -> {
            if (cp == quote || cp == '\\') {
                out.append('\\').appendCodePoint(cp);
            } else if (cp == '\n') {
                out.append("\\n");
            } else if (cp == '\r') {
                out.append("\\r");
            } else if (cp == '\t') {
                out.append("\\t");
            } else if (isPrintable(cp)) {
                out.appendCodePoint(cp);
            } else if (cp < 0x100) {
                out.append(String.format("\\x%02x", cp));
            } else if (cp < 0x10000) {
                out.append(String.format("\\u%04x", cp));
            } else {
                out.append(String.format("\\U%08x", cp));
            }
        });
        return out.append(quote).toString();
    }

    // ---- strip -----------------------------------------------------------------------------------

    /** {@code str.strip(chars)}: {@code chars} null means whitespace. */
    static String strip(String s, String chars, boolean left, boolean right) {
        int[] points = codePoints(s);
        int from = 0;
        int to = points.length;
        if (left) {
            while (from < to && stripped(points[from], chars)) {
                from++;
            }
        }
        if (right) {
            while (to > from && stripped(points[to - 1], chars)) {
                to--;
            }
        }
        return fromCodePoints(points, from, to);
    }

    private static boolean stripped(int cp, String chars) {
        return chars == null ? isSpace(cp) : chars.indexOf(Character.toString(cp)) >= 0;
    }

    // ---- split -----------------------------------------------------------------------------------

    /** {@code str.split(sep, maxsplit)}; {@code sep} null splits on runs of whitespace. */
    static List<Object> split(String s, String sep, long maxSplit) {
        List<Object> parts = new ArrayList<>();
        if (sep == null) {
            int[] points = codePoints(s);
            int i = 0;
            while (true) {
                while (i < points.length && isSpace(points[i])) {
                    i++;
                }
                if (i == points.length) {
                    break;
                }
                if (maxSplit >= 0 && parts.size() == maxSplit) {
                    parts.add(fromCodePoints(points, i, points.length));
                    break;
                }
                int start = i;
                while (i < points.length && !isSpace(points[i])) {
                    i++;
                }
                parts.add(fromCodePoints(points, start, i));
            }
            return parts;
        }
        requireSeparator(sep);
        int start = 0;
        while (maxSplit < 0 || parts.size() < maxSplit) {
            int found = s.indexOf(sep, start);
            if (found < 0) {
                break;
            }
            parts.add(s.substring(start, found));
            start = found + sep.length();
        }
        parts.add(s.substring(start));
        return parts;
    }

    /** {@code str.rsplit(sep, maxsplit)}. */
    static List<Object> rsplit(String s, String sep, long maxSplit) {
        if (maxSplit < 0) {
            return split(s, sep, -1);
        }
        List<Object> parts = new ArrayList<>();
        if (sep == null) {
            int[] points = codePoints(s);
            int i = points.length;
            while (true) {
                while (i > 0 && isSpace(points[i - 1])) {
                    i--;
                }
                if (i == 0) {
                    break;
                }
                if (parts.size() == maxSplit) {
                    parts.add(fromCodePoints(points, 0, i));
                    break;
                }
                int end = i;
                while (i > 0 && !isSpace(points[i - 1])) {
                    i--;
                }
                parts.add(fromCodePoints(points, i, end));
            }
        } else {
            requireSeparator(sep);
            int end = s.length();
            while (parts.size() < maxSplit) {
                int found = s.lastIndexOf(sep, end - sep.length());
                if (found < 0 || end - sep.length() < 0) {
                    break;
                }
                parts.add(s.substring(found + sep.length(), end));
                end = found;
            }
            parts.add(s.substring(0, end));
        }
        java.util.Collections.reverse(parts);
        return parts;
    }

    private static void requireSeparator(String sep) {
        if (sep.isEmpty()) {
            throw new TemplateRuntimeException("empty separator");
        }
    }

    /** {@code str.splitlines()}: the line boundaries Python knows, no trailing empty line. */
    static List<String> splitLines(String s) {
        List<String> lines = new ArrayList<>();
        int start = 0;
        int i = 0;
        while (i < s.length()) {
            char c = s.charAt(i);
            if (isLineBreak(c)) {
                lines.add(s.substring(start, i));
                i += (c == '\r' && i + 1 < s.length() && s.charAt(i + 1) == '\n') ? 2 : 1;
                start = i;
            } else {
                i++;
            }
        }
        if (start < s.length()) {
            lines.add(s.substring(start));
        }
        return lines;
    }

    private static boolean isLineBreak(char c) {
        return switch (c) {
            case '\n', '\r', '\u000b', '\u000c', '\u001c', '\u001d', '\u001e', '\u0085', '\u2028', '\u2029' -> true;
            default -> false;
        };
    }

    // ---- case --------------------------------------------------------------------------------------

    static String lower(String s) {
        return s.toLowerCase(Locale.ROOT);
    }

    static String upper(String s) {
        return s.toUpperCase(Locale.ROOT);
    }

    /** {@code str.capitalize()}: the first character in title case, the rest lower. */
    static String capitalize(String s) {
        if (s.isEmpty()) {
            return s;
        }
        int first = s.codePointAt(0);
        String head = titleCase(first);
        return head + lower(s.substring(Character.charCount(first)));
    }

    /** {@code str.title()}: each run of cased letters starts upper case, continues lower. */
    static String title(String s) {
        StringBuilder out = new StringBuilder(s.length());
        boolean previousCased = false;
        for (int cp : codePoints(s)) {
            out.append(previousCased ? lower(Character.toString(cp)) : titleCase(cp));
            previousCased = isCased(cp);
        }
        return out.toString();
    }

    private static String titleCase(int cp) {
        String upper = upper(Character.toString(cp));
        // Characters with a distinct title case form (such as 'ǆ') use it; others are upper-cased.
        return upper.codePointCount(0, upper.length()) == 1 ? Character.toString(Character.toTitleCase(cp)) : upper;
    }

    // ---- search and replace ------------------------------------------------------------------------

    /** {@code str.find(sub)} as a code point index, or -1. */
    static long find(String s, String sub, boolean fromRight) {
        int offset = fromRight ? s.lastIndexOf(sub) : s.indexOf(sub);
        return offset < 0 ? -1 : indexOf(s, offset);
    }

    static long count(String s, String sub) {
        if (sub.isEmpty()) {
            return length(s) + 1L;
        }
        long count = 0;
        int at = s.indexOf(sub);
        while (at >= 0) {
            count++;
            at = s.indexOf(sub, at + sub.length());
        }
        return count;
    }

    /** {@code str.replace(old, new, count)}; a negative count replaces all. */
    static String replace(String s, String old, String replacement, long count) {
        if (count < 0) {
            count = Long.MAX_VALUE;
        }
        if (old.isEmpty()) {
            // Python inserts the replacement between every character and at both ends.
            StringBuilder out = new StringBuilder();
            int[] points = codePoints(s);
            long done = 0;
            for (int i = 0; i <= points.length; i++) {
                if (done < count) {
                    out.append(replacement);
                    done++;
                }
                if (i < points.length) {
                    out.appendCodePoint(points[i]);
                }
            }
            return out.toString();
        }
        StringBuilder out = new StringBuilder();
        int start = 0;
        long done = 0;
        int at;
        while (done < count && (at = s.indexOf(old, start)) >= 0) {
            out.append(s, start, at).append(replacement);
            start = at + old.length();
            done++;
        }
        return out.append(s.substring(start)).toString();
    }
}

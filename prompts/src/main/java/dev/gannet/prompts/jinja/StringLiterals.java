package dev.gannet.prompts.jinja;

/** Decodes the backslash escapes of a string literal as Python's {@code unicode-escape} codec does. */
final class StringLiterals {
    private StringLiterals() {
    }

    static String decode(String raw, int line) {
        if (raw.indexOf('\\') < 0) {
            return raw;
        }
        StringBuilder out = new StringBuilder(raw.length());
        int i = 0;
        while (i < raw.length()) {
            char c = raw.charAt(i);
            if (c != '\\' || i + 1 >= raw.length()) {
                out.append(c);
                i++;
                continue;
            }
            char e = raw.charAt(i + 1);
            i += 2;
            switch (e) {
                case '\n' -> {
                    // A backslash before a newline continues the line.
                }
                case '\\' -> out.append('\\');
                case '\'' -> out.append('\'');
                case '"' -> out.append('"');
                case 'a' -> out.append('\u0007');
                case 'b' -> out.append('\b');
                case 'f' -> out.append('\f');
                case 'n' -> out.append('\n');
                case 'r' -> out.append('\r');
                case 't' -> out.append('\t');
                case 'v' -> out.append('\u000b');
                case 'x' -> i = hex(raw, i, 2, out, line);
                case 'u' -> i = hex(raw, i, 4, out, line);
                case 'U' -> i = hex(raw, i, 8, out, line);
                case 'N' -> i = named(raw, i, out, line);
                default -> {
                    if (e >= '0' && e <= '7') {
                        int end = i - 1;
                        while (end < raw.length() && end < i + 2 && raw.charAt(end) >= '0' && raw.charAt(end) <= '7') {
                            end++;
                        }
                        out.appendCodePoint(Integer.parseInt(raw.substring(i - 1, end), 8));
                        i = end;
                    } else {
                        out.append('\\').append(e);
                    }
                }
            }
        }
        return out.toString();
    }

    private static int hex(String raw, int at, int digits, StringBuilder out, int line) {
        if (at + digits > raw.length()) {
            throw new TemplateSyntaxException("truncated \\" + raw.charAt(at - 1) + " escape in a string", line);
        }
        try {
            out.appendCodePoint(Integer.parseInt(raw.substring(at, at + digits), 16));
        } catch (IllegalArgumentException e) {
            throw new TemplateSyntaxException("bad \\" + raw.charAt(at - 1) + " escape in a string", line);
        }
        return at + digits;
    }

    private static int named(String raw, int at, StringBuilder out, int line) {
        int close = raw.indexOf('}', at);
        if (at >= raw.length() || raw.charAt(at) != '{' || close < 0) {
            throw new TemplateSyntaxException("malformed \\N character escape in a string", line);
        }
        try {
            out.appendCodePoint(Character.codePointOf(raw.substring(at + 1, close)));
        } catch (IllegalArgumentException e) {
            throw new TemplateSyntaxException("unknown Unicode character name in a string", line);
        }
        return close + 1;
    }
}

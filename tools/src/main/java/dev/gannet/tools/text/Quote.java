package dev.gannet.tools.text;

/**
 * Puts text that came from a tool call (a path, a pattern) into a one-line message: in single
 * quotes, control characters escaped, long text cut. The model may send anything, and an error
 * message must not become a way to inject lines into the conversation.
 */
public final class Quote {
    private static final int LIMIT = 200;

    private Quote() {
    }

    public static String of(String text) {
        StringBuilder out = new StringBuilder(Math.min(text.length(), LIMIT) + 2).append('\'');
        int shown = Math.min(text.length(), LIMIT);
        for (int i = 0; i < shown; i++) {
            char c = text.charAt(i);
            switch (c) {
                case '\0' -> out.append("\\0");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                case '\'' -> out.append("\\'");
                case '\\' -> out.append("\\\\");
                default -> {
                    if (c < 0x20 || c == 0x7f) {
                        out.append(String.format("\\x%02x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        if (text.length() > LIMIT) {
            out.append("...(").append(text.length()).append(" chars)");
        }
        return out.append('\'').toString();
    }
}

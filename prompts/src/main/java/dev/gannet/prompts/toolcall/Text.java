package dev.gannet.prompts.toolcall;

/** Small questions about a character sequence that the call syntaxes share. */
final class Text {
    private Text() {
    }

    static int skipWhitespace(CharSequence text, int from) {
        int i = from;
        while (i < text.length() && Character.isWhitespace(text.charAt(i))) {
            i++;
        }
        return i;
    }

    static boolean startsWith(CharSequence text, int at, String prefix) {
        if (at + prefix.length() > text.length()) {
            return false;
        }
        for (int i = 0; i < prefix.length(); i++) {
            if (text.charAt(at + i) != prefix.charAt(i)) {
                return false;
            }
        }
        return true;
    }

    /** Whether the text from {@code at} to its end is a proper beginning of {@code marker}: more may complete it. */
    static boolean endsInsideOf(CharSequence text, int at, String marker) {
        int rest = text.length() - at;
        if (rest <= 0 || rest >= marker.length()) {
            return false;
        }
        for (int i = 0; i < rest; i++) {
            if (text.charAt(at + i) != marker.charAt(i)) {
                return false;
            }
        }
        return true;
    }

    static int indexOf(CharSequence text, String target, int from) {
        return switch (text) {
            case StringBuilder builder -> builder.indexOf(target, from);
            case String string -> string.indexOf(target, from);
            default -> text.toString().indexOf(target, from);
        };
    }

    static String slice(CharSequence text, int from, int to) {
        return text.subSequence(from, to).toString();
    }
}

package dev.gannet.prompts.toolcall;

/**
 * Where a JSON object or array that starts at a given index ends, found by matching brackets
 * outside strings. It does not check the JSON (Jackson does that on the text it delimits); it only
 * tells a streaming parser whether the value is whole yet, or can never be: a closing bracket of
 * the wrong kind, or a '<' or '`' outside a string (the start of a closing tag or fence, which no
 * JSON contains), ends the value as broken.
 *
 * @param state what was found
 * @param end   COMPLETE: the index just past the closing bracket; MISMATCH: the index of the
 *              character that broke the value; INCOMPLETE: the length scanned
 */
record JsonExtent(State state, int end) {

    enum State {
        /** The brackets balance; the value ends at {@code end}. */
        COMPLETE,
        /** The text ends before the value does. */
        INCOMPLETE,
        /** A character no JSON can have there: no more text can make this JSON. */
        MISMATCH
    }

    /** Scans from {@code start}, which must hold '{' or '['. */
    static JsonExtent of(CharSequence text, int start) {
        char first = text.charAt(start);
        if (first != '{' && first != '[') {
            throw new IllegalArgumentException("a JSON extent starts at '{' or '['");
        }
        // The expected closers, innermost last.
        StringBuilder closers = new StringBuilder();
        boolean inString = false;
        boolean escaped = false;
        for (int i = start; i < text.length(); i++) {
            char c = text.charAt(i);
            if (inString) {
                if (escaped) {
                    escaped = false;
                } else if (c == '\\') {
                    escaped = true;
                } else if (c == '"') {
                    inString = false;
                }
                continue;
            }
            switch (c) {
                case '"' -> inString = true;
                case '{' -> closers.append('}');
                case '[' -> closers.append(']');
                case '<', '`' -> {
                    return new JsonExtent(State.MISMATCH, i);
                }
                case '}', ']' -> {
                    if (closers.charAt(closers.length() - 1) != c) {
                        return new JsonExtent(State.MISMATCH, i);
                    }
                    closers.setLength(closers.length() - 1);
                    if (closers.isEmpty()) {
                        return new JsonExtent(State.COMPLETE, i + 1);
                    }
                }
                default -> {
                }
            }
        }
        return new JsonExtent(State.INCOMPLETE, text.length());
    }
}

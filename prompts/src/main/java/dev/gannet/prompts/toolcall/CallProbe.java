package dev.gannet.prompts.toolcall;

/**
 * An early look at JSON written without call markers, so that answer text that merely contains
 * JSON is let through as soon as it cannot be a call, rather than held back until it closes. A call
 * object has only {@link CallShape#CALL_KEYS}; a list of calls holds only such objects.
 */
final class CallProbe {
    private CallProbe() {
    }

    /**
     * True when the text from {@code start} (at '{' or '[') can no longer turn out to be calls.
     * Looks no further than {@link JsonExtent} would: what follows the value must not matter.
     */
    static boolean rulesOut(CharSequence text, int start) {
        // Call objects are the top value, or the elements of a top list.
        int callDepth = text.charAt(start) == '{' ? 1 : 2;
        StringBuilder open = new StringBuilder();
        boolean inString = false;
        boolean escaped = false;
        boolean expectKey = false;
        StringBuilder key = null;
        for (int i = start; i < text.length(); i++) {
            char c = text.charAt(i);
            if (inString) {
                if (escaped) {
                    escaped = false;
                    if (key != null) {
                        key.append('\\').append(c);
                    }
                } else if (c == '\\') {
                    escaped = true;
                } else if (c == '"') {
                    inString = false;
                    if (key != null) {
                        if (!CallShape.CALL_KEYS.contains(key.toString())) {
                            return true;
                        }
                        key = null;
                    }
                } else if (key != null) {
                    key.append(c);
                }
                continue;
            }
            if (Character.isWhitespace(c)) {
                continue;
            }
            int depth = open.length();
            boolean inCallObject = depth == callDepth && open.charAt(depth - 1) == '{';
            if (callDepth == 2 && depth == 1 && c != '{' && c != ',' && c != ']') {
                return true; // An element of the top list that is not an object.
            }
            if (inCallObject && expectKey && c != '"' && c != '}') {
                return true; // Not a key where a key belongs.
            }
            switch (c) {
                case '"' -> {
                    inString = true;
                    if (inCallObject && expectKey) {
                        key = new StringBuilder();
                        expectKey = false;
                    }
                }
                case '{' -> {
                    open.append(c);
                    expectKey = open.length() == callDepth;
                }
                case '[' -> open.append(c);
                case '<', '`' -> {
                    return false; // The JSON breaks here (see JsonExtent); nothing after it may count.
                }
                case '}', ']' -> {
                    if (open.charAt(depth - 1) != (c == '}' ? '{' : '[')) {
                        return false; // As above: a mismatched bracket ends the value.
                    }
                    open.setLength(depth - 1);
                    if (open.isEmpty()) {
                        return false; // Complete; the parse decides the rest.
                    }
                }
                case ',' -> expectKey = inCallObject;
                default -> {
                }
            }
        }
        if (key == null) {
            return false;
        }
        String partial = key.toString();
        return CallShape.CALL_KEYS.stream().noneMatch(k -> k.startsWith(partial));
    }
}

package dev.gannet.prompts.toolcall;

import java.util.ArrayList;
import java.util.List;

/**
 * Several JSON calls one after another in one body ({@code {…}\n{…}} or {@code {…}; {…}}), which
 * small models write where a list belongs.
 */
final class JsonSequence {
    private JsonSequence() {
    }

    /** The calls, or null when the text is not such a sequence of at least two whole JSON values. */
    static List<Candidate> read(String text) {
        List<Candidate> candidates = new ArrayList<>();
        int values = 0;
        int p = skipSeparators(text, 0);
        while (p < text.length()) {
            char c = text.charAt(p);
            if (c != '{' && c != '[') {
                return null;
            }
            JsonExtent extent = JsonExtent.of(text, p);
            if (extent.state() != JsonExtent.State.COMPLETE) {
                return null;
            }
            candidates.addAll(CallShape.readJson(text.substring(p, extent.end())));
            values++;
            p = skipSeparators(text, extent.end());
        }
        return values >= 2 ? candidates : null;
    }

    private static int skipSeparators(String text, int from) {
        int i = from;
        while (i < text.length() && (Character.isWhitespace(text.charAt(i)) || text.charAt(i) == ';'
                || text.charAt(i) == ',')) {
            i++;
        }
        return i;
    }
}

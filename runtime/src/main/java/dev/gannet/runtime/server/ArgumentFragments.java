package dev.gannet.runtime.server;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Cuts a call's arguments (JSON text) into the pieces a stream sends, as OpenAI streams them: a run
 * of letters and digits or a run of anything else, so {@code {"city":"Paris"}} goes out as
 * {@code {"}, {@code city}, {@code ":"}, {@code Paris}, {@code "}}. Joined again they are the text.
 */
final class ArgumentFragments {
    private static final Pattern PIECE = Pattern.compile("\\w+|\\W+", Pattern.UNICODE_CHARACTER_CLASS);

    private ArgumentFragments() {
    }

    static List<String> split(String json) {
        List<String> pieces = new ArrayList<>();
        Matcher matcher = PIECE.matcher(json);
        while (matcher.find()) {
            pieces.add(matcher.group());
        }
        return pieces;
    }
}

package dev.gannet.tools.grep;

import java.io.Serial;

/**
 * Thrown from inside a regex match when the search's deadline has passed. Unchecked because it
 * has to travel through {@link java.util.regex.Matcher}, which knows nothing of deadlines.
 */
final class SearchTimedOutException extends RuntimeException {
    @Serial
    private static final long serialVersionUID = 1L;

    SearchTimedOutException() {
        super("search deadline passed", null, false, false);
    }
}

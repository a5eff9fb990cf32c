package dev.gannet.prompts.toolcall;

import java.util.List;

/**
 * A call syntax's verdict on the text at an opener. To keep streaming equal to whole-text parsing,
 * a syntax answers {@link NeedMore} whenever text still to come could change its verdict.
 */
sealed interface Scan {

    /** The text so far cannot decide; ask again with more. Never returned at the end of input. */
    record NeedMore() implements Scan {
    }

    /** Not a call of this syntax; the opener is ordinary text. */
    record NotACall() implements Scan {
    }

    /** A call region of {@code length} characters, read as these candidates (at least one). */
    record Found(int length, List<Candidate> candidates) implements Scan {
    }

    Scan NEED_MORE = new NeedMore();
    Scan NOT_A_CALL = new NotACall();
}

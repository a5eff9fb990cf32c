package dev.gannet.prompts.stop;

import java.util.List;
import java.util.Optional;

/**
 * Finds stop strings in text that arrives token by token, where a stop string may be split over
 * several tokens. Text that could still be the beginning of a stop string is held back; it is
 * released as soon as it cannot be, or dropped with the stop string when it is one. The stop
 * string itself is never released.
 *
 * <p>The generation stops at the first stop string to be completed, reading left to right; the
 * text released is everything before it. This is the same whatever the split of the text into
 * chunks. Not thread-safe: one per generation.
 */
public final class StopStringMatcher {
    private final List<String> stops;
    private final StringBuilder held = new StringBuilder();
    private Optional<String> stoppedAt = Optional.empty();

    StopStringMatcher(List<String> stops) {
        this.stops = List.copyOf(stops);
    }

    /**
     * What {@link #accept} lets through.
     *
     * @param text      text to pass on now (may be empty)
     * @param stoppedAt the stop string found, when the generation must end
     */
    public record Release(String text, Optional<String> stoppedAt) {
        public boolean stopped() {
            return stoppedAt.isPresent();
        }
    }

    /** Takes the next piece of generated text. After a stop, everything is swallowed. */
    public Release accept(String chunk) {
        if (stoppedAt.isPresent()) {
            return new Release("", stoppedAt);
        }
        held.append(chunk);
        int bestStart = -1;
        int bestEnd = Integer.MAX_VALUE;
        String best = null;
        for (String stop : stops) {
            int at = held.indexOf(stop);
            // The stop completed first wins; of two ending together, the longer (it began first).
            if (at >= 0 && (at + stop.length() < bestEnd || at + stop.length() == bestEnd && at < bestStart)) {
                bestStart = at;
                bestEnd = at + stop.length();
                best = stop;
            }
        }
        if (best != null) {
            stoppedAt = Optional.of(best);
            String text = held.substring(0, bestStart);
            held.setLength(0);
            return new Release(text, stoppedAt);
        }
        int keep = longestSuffixStartingAStop();
        String text = held.substring(0, held.length() - keep);
        held.delete(0, held.length() - keep);
        return new Release(text, Optional.empty());
    }

    /** The generation ended without a stop string: what was held back is text after all. */
    public String flush() {
        String text = stoppedAt.isPresent() ? "" : held.toString();
        held.setLength(0);
        return text;
    }

    public Optional<String> stoppedAt() {
        return stoppedAt;
    }

    /** Whether the held text ends with the first {@code length} characters of {@code stop}. */
    private boolean endsWith(String stop, int length) {
        int offset = held.length() - length;
        for (int i = 0; i < length; i++) {
            if (held.charAt(offset + i) != stop.charAt(i)) {
                return false;
            }
        }
        return true;
    }

    /** The length of the longest end of the held text that some stop string begins with. */
    private int longestSuffixStartingAStop() {
        int longest = 0;
        for (String stop : stops) {
            int max = Math.min(stop.length() - 1, held.length());
            for (int length = max; length > longest; length--) {
                if (endsWith(stop, length)) {
                    longest = length;
                    break;
                }
            }
        }
        return longest;
    }
}

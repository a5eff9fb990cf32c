package dev.gannet.prompts.stop;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * When a generation ends: at any of the model's end tokens (EOS, EOT, EOM, given as ids), or when
 * the text contains any stop string, the chat template's and the user's together. A user's stop
 * strings are added to the model's, never put in their place: a request with {@code stop: ["\n\n"]}
 * must still end at {@code <|im_end|>}.
 *
 * @param tokenIds the ids that end the generation when sampled
 * @param strings  the stop strings, without duplicates or empty ones, the template's first
 */
public record StopConditions(Set<Integer> tokenIds, List<String> strings) {
    public StopConditions {
        tokenIds = Set.copyOf(tokenIds);
        strings = List.copyOf(strings);
        if (strings.stream().anyMatch(String::isEmpty)) {
            throw new IllegalArgumentException("a stop string cannot be empty");
        }
    }

    /**
     * The union of the model's end tokens, the template's stop strings and the user's. Empty and
     * repeated strings are dropped.
     */
    public static StopConditions merge(Collection<Integer> modelEndTokens, Collection<String> templateStops,
                                       Collection<String> userStops) {
        Set<String> strings = new LinkedHashSet<>();
        for (Collection<String> source : List.of(templateStops, userStops)) {
            for (String stop : source) {
                if (stop != null && !stop.isEmpty()) {
                    strings.add(stop);
                }
            }
        }
        return new StopConditions(new LinkedHashSet<>(modelEndTokens), new ArrayList<>(strings));
    }

    public boolean isStopToken(int tokenId) {
        return tokenIds.contains(tokenId);
    }

    /** A matcher for one generation's text. */
    public StopStringMatcher matcher() {
        return new StopStringMatcher(strings);
    }
}

package dev.gannet.bench.discrimination;

import java.util.List;
import java.util.regex.Pattern;

/**
 * Sorts a text answer (no tool call) into asking the user for something, declining, or answering.
 * A heuristic, not a judge: a question among the last two sentences is a request for information;
 * otherwise a phrase of refusal ("I can't", "unable", "I don't have access") is declining; anything
 * else is an answer. On When2Call's own reference answers it puts 96% of the requests and all the
 * refusals where they belong (DiscriminationAnswerKindsTest measures it).
 */
public final class AnswerKinds {
    private static final Pattern SENTENCE_END = Pattern.compile("(?<=[.!?])\\s+");
    private static final Pattern REFUSAL = Pattern.compile(
            "\\b(can(no|['\u2019])t|unable|not able|(don['\u2019]t|do not|doesn['\u2019]t|does not) have"
                    + "|no (access|way|tool|function)|(not|isn['\u2019]t) possible|beyond"
                    + "|not (available|supported)|(doesn['\u2019]t|does not) (support|allow|provide)|lack|sorry)\\b",
            Pattern.CASE_INSENSITIVE);

    private AnswerKinds() {
    }

    /** {@link Decision#ASK}, {@link Decision#CANNOT} or {@link Decision#DIRECT}. */
    public static Decision classify(String text) {
        List<String> sentences = SENTENCE_END.splitAsStream(text.strip()).filter(s -> !s.isBlank()).toList();
        for (int i = Math.max(0, sentences.size() - 2); i < sentences.size(); i++) {
            if (sentences.get(i).endsWith("?")) {
                return Decision.ASK;
            }
        }
        return REFUSAL.matcher(text).find() ? Decision.CANNOT : Decision.DIRECT;
    }
}

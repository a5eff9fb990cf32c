package dev.gannet.prompts.stop;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import java.util.stream.Stream;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class StopStringMatcherTest {

    /** Runs chunks through a matcher: the text released (then flushed if no stop), and the stop. */
    record Outcome(String text, Optional<String> stop) {
    }

    static Outcome run(List<String> stops, List<String> chunks) {
        StopStringMatcher matcher = StopConditions.merge(List.of(), stops, List.of()).matcher();
        StringBuilder text = new StringBuilder();
        for (String chunk : chunks) {
            StopStringMatcher.Release release = matcher.accept(chunk);
            text.append(release.text());
            if (release.stopped()) {
                return new Outcome(text.toString(), release.stoppedAt());
            }
        }
        return new Outcome(text.append(matcher.flush()).toString(), Optional.empty());
    }

    /** stops (comma-separated), chunks (slash-separated), text released, stop found (null: none). */
    static final String[][] TABLE = {
            {"<|im_end|>", "Hello<|im_/end|>ignored", "Hello", "<|im_end|>"},
            {"<|im_end|>", "Hel/lo<", "Hello<", null},
            {"<|im_end|>", "a<|im/x", "a<|imx", null},
            {"Observation:", "Thought: x/\nObs/erv/ation: y", "Thought: x\n", "Observation:"},
            {"\n\n", "line one\n/\nline two", "line one", "\n\n"},
            {"abcd,bc", "a/b/c/d", "a", "bc"},
            {"abc,b", "xa/bc", "xa", "b"},
            {"END", "no stop here", "no stop here", null},
            {"END", "E/N/", "EN", null},
            {"xx", "axxx", "a", "xx"}};

    static Stream<Arguments> table() {
        return Arrays.stream(TABLE).map(row -> Arguments.of((Object[]) row));
    }

    @ParameterizedTest(name = "{0} in {1}")
    @MethodSource("table")
    void tableOfStops(String stops, String chunks, String released, String stop) {
        Outcome outcome = run(Arrays.asList(unescape(stops).split(",")), Arrays.asList(unescape(chunks).split("/")));
        assertEquals(unescape(released), outcome.text());
        assertEquals(Optional.ofNullable(stop).map(StopStringMatcherTest::unescape), outcome.stop());
    }

    private static String unescape(String text) {
        return text.replace("\\n", "\n");
    }

    @Test
    void heldTextIsReleasedAsSoonAsItCannotBeAStop() {
        StopStringMatcher matcher = StopConditions.merge(List.of(), List.of("<|im_end|>"), List.of()).matcher();
        assertEquals("Hi ", matcher.accept("Hi <|im").text());
        assertEquals("<|imx", matcher.accept("x").text());
        assertFalse(matcher.accept("").stopped());
    }

    @Test
    void anySplitGivesTheSameOutcome() {
        SplittableRandom random = new SplittableRandom(11);
        List<String> stops = List.of("</s>", "<|eot_id|>", "\n\nUser:", "ss", "s>x");
        String alphabet = "<>/s|eot_id\nUser: ax";
        for (int n = 0; n < 1000; n++) {
            StringBuilder text = new StringBuilder();
            int length = random.nextInt(40);
            for (int i = 0; i < length; i++) {
                text.append(alphabet.charAt(random.nextInt(alphabet.length())));
            }
            Outcome whole = run(stops, List.of(text.toString()));
            for (int cut = 0; cut <= text.length(); cut++) {
                assertEquals(whole, run(stops, List.of(text.substring(0, cut), text.substring(cut))), text::toString);
            }
            List<String> chunks = new ArrayList<>();
            for (int i = 0; i < text.length(); ) {
                int size = 1 + random.nextInt(5);
                chunks.add(text.substring(i, Math.min(text.length(), i + size)));
                i += size;
            }
            assertEquals(whole, run(stops, chunks), text::toString);
        }
    }

    @Test
    void afterAStopNothingMoreComesOut() {
        StopStringMatcher matcher = StopConditions.merge(List.of(), List.of("STOP"), List.of()).matcher();
        assertTrue(matcher.accept("aSTOPb").stopped());
        assertEquals("", matcher.accept("more").text());
        assertEquals("", matcher.flush());
    }
}

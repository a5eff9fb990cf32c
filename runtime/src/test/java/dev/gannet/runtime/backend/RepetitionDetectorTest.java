package dev.gannet.runtime.backend;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class RepetitionDetectorTest {
    private static int[] block(int start, int length) {
        return IntStream.range(start, start + length).toArray();
    }

    private static int[] concat(int[]... parts) {
        return java.util.Arrays.stream(parts).flatMapToInt(java.util.Arrays::stream).toArray();
    }

    @Test
    void threeCopiesOfALongBlockAreALoop() {
        int[] paragraph = block(100, 40);
        int[] tokens = concat(block(1, 7), paragraph, paragraph, paragraph);
        assertTrue(RepetitionDetector.endsInLoop(tokens, 0, tokens.length));
    }

    @Test
    void twoCopiesAreNot() {
        int[] paragraph = block(100, 40);
        int[] tokens = concat(block(1, 50), paragraph, paragraph);
        assertFalse(RepetitionDetector.endsInLoop(tokens, 0, tokens.length));
    }

    @Test
    void shortRepeatsAreAllowed() {
        int[] rule = {5, 6, 5, 6, 7};
        int[] tokens = concat(rule, rule, rule, rule, rule, rule);
        assertFalse(RepetitionDetector.endsInLoop(tokens, 0, tokens.length));
    }

    @Test
    void onlyTheGeneratedPartCounts() {
        int[] paragraph = block(100, 20);
        int[] tokens = concat(paragraph, paragraph, paragraph);
        // The first copy is the prompt's: the generation repeated it only twice.
        assertFalse(RepetitionDetector.endsInLoop(tokens, 20, tokens.length));
        assertTrue(RepetitionDetector.endsInLoop(tokens, 0, tokens.length));
    }

    @Test
    void aLoopMustReachTheEnd() {
        int[] paragraph = block(100, 20);
        int[] tokens = concat(paragraph, paragraph, paragraph, block(500, 3));
        assertFalse(RepetitionDetector.endsInLoop(tokens, 0, tokens.length));
    }
}

package dev.gannet.prompts.stop;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class StopConditionsTest {

    @Test
    void userStopsAreAddedToTheModelsNeverInTheirPlace() {
        StopConditions stops = StopConditions.merge(List.of(2, 128009), List.of("<|im_end|>"), List.of("\n\n", "<|im_end|>", ""));
        assertEquals(Set.of(2, 128009), stops.tokenIds());
        assertEquals(List.of("<|im_end|>", "\n\n"), stops.strings());
        assertTrue(stops.isStopToken(128009));
        assertFalse(stops.isStopToken(3));
    }

    @Test
    void noUserStopsKeepsTheModels() {
        StopConditions stops = StopConditions.merge(Set.of(7), List.of("</s>"), List.of());
        assertEquals(List.of("</s>"), stops.strings());
        assertTrue(stops.isStopToken(7));
    }

    @Test
    void anEmptyStopStringIsRefusedWhenBuiltDirectly() {
        assertThrows(IllegalArgumentException.class, () -> new StopConditions(Set.of(), List.of("")));
    }
}

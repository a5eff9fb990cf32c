package dev.gannet.bench.discrimination;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.gannet.bench.discrimination.report.MarkdownReport;
import dev.gannet.prompts.template.ChatMessage;
import dev.gannet.runtime.backend.Completion;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The speed columns: ratios of summed tokens and times, so long turns weigh by their tokens. */
class DiscriminationSpeedColumnsTest {

    private static Completion turn(int prompt, int cached, int generated, long promptMillis, long generationMillis) {
        return new Completion("text", List.of(), List.of(), "text", Completion.FinishReason.STOP,
                new Completion.Usage(prompt, cached, generated, promptMillis * 1_000_000, generationMillis * 1_000_000));
    }

    @Test
    void aCaseSumsItsTurnsAndCountsOnlyUncachedPromptTokens() {
        // Turn 1 evaluates 100 tokens in 0.5 s and writes 20 in 1 s; turn 2 finds 110 of its 130 in the
        // cache, evaluates 20 in 0.5 s and writes 10 in 0.5 s.
        ModelWork work = ModelWork.of(List.of(turn(100, 0, 20, 500, 1000), turn(130, 110, 10, 500, 500)));
        assertEquals(new ModelWork(120, 1000, 30, 1500), work);
        assertEquals(120.0, work.prefillTokensPerSecond(), 1e-9); // 120 tokens / 1 s
        assertEquals(20.0, work.decodeTokensPerSecond(), 1e-9);   // 30 tokens / 1.5 s
    }

    @Test
    void theRowIsTheRatioOfSumsNotTheMeanOfRates() {
        BenchCase one = direct("one");
        BenchCase two = direct("two");
        // 10 tokens in 1 s (10 tok/s) and 90 tokens in 1 s (90 tok/s): 100 tokens in 2 s is 50 tok/s.
        Map<String, Observation> seen = Map.of(
                "one", observation("one", new ModelWork(50, 1000, 10, 1000)),
                "two", observation("two", new ModelWork(150, 500, 90, 1000)));
        Scorecard score = Scorecard.of(List.of(one, two), seen);
        assertEquals(50.0, score.work().decodeTokensPerSecond(), 1e-9);
        assertEquals(200 / 1.5, score.work().prefillTokensPerSecond(), 1e-9);
        assertEquals(100, score.generatedTokens());
    }

    @Test
    void noMeasuredTimeIsADashNotZero() {
        assertNull(ModelWork.NONE.decodeTokensPerSecond());
        assertNull(new ModelWork(10, 0, 5, 0).prefillTokensPerSecond());
        BenchCase one = direct("one");
        ConfigurationResult result = new ConfigurationResult("scripted · prompt=default, constrained=on", "scripted",
                List.of(), RunConfiguration.DEFAULT, null, RunFacts.UNKNOWN,
                Scorecard.of(List.of(one), Map.of("one", observation("one", ModelWork.NONE))),
                Map.of("one", observation("one", ModelWork.NONE)));
        String table = MarkdownReport.render(new DiscriminationReport("mine", List.of(one), List.of(result)));
        assertTrue(table.contains("| Load Time | Prefill tok/s | Decode tok/s | Avg Gen Time |"), table);
        assertTrue(table.contains("| – | – | – | – | 0.00 s |"), table); // memory, load, prefill, decode unknown
    }

    @Test
    void cachedResultsKeepTheirTimesAndOldOnesReadAsUnmeasured() {
        Observation seen = observation("one", new ModelWork(120, 1000, 30, 1500));
        assertEquals(seen, Observation.fromJson(seen.toJson()));
        var old = seen.toJson();
        old.remove(List.of("prompt_tokens", "prompt_ms", "generation_ms")); // what a cache line held before
        Observation before = Observation.fromJson(old);
        assertEquals(30, before.generatedTokens());
        assertNull(before.work().decodeTokensPerSecond());
    }

    private static BenchCase direct(String id) {
        return new BenchCase(id, "concept", List.of(ChatMessage.user("Question " + id + "?")), List.of(), false,
                Decision.DIRECT, Set.of(), null, null, Map.of());
    }

    private static Observation observation(String id, ModelWork work) {
        return new Observation(id, Decision.DIRECT, null, null, false, null, null, "answer", 0, work, 1);
    }
}

package dev.gannet.bench.discrimination;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The text heuristic against When2Call's own reference answers: each line gives an example of a
 * direct answer, a request for information and a refusal, so the truth is known.
 */
class DiscriminationAnswerKindsTest {
    @Test
    void sortsWhen2CallsReferenceAnswers() throws Exception {
        ObjectMapper json = new ObjectMapper();
        Map<Decision, int[]> hits = new EnumMap<>(Decision.class);
        Map<String, Decision> kinds = Map.of("direct", Decision.DIRECT, "request_for_info", Decision.ASK,
                "cannot_answer", Decision.CANNOT);
        List<String> lines = Files.readAllLines(
                DiscriminationSuitesTest.DATASETS.resolve("when2call/when2call_test_llm_judge.jsonl"));
        for (String line : lines) {
            JsonNode answers = json.readTree(line).get("answers");
            kinds.forEach((field, truth) -> {
                if (answers.hasNonNull(field)) {
                    int[] counts = hits.computeIfAbsent(truth, k -> new int[2]);
                    counts[0] += AnswerKinds.classify(answers.get(field).asText()) == truth ? 1 : 0;
                    counts[1]++;
                }
            });
        }
        assertEquals(300, hits.get(Decision.CANNOT)[0]);
        assertTrue(hits.get(Decision.ASK)[0] >= 0.95 * hits.get(Decision.ASK)[1], "ask " + hits.get(Decision.ASK)[0]);
        assertTrue(hits.get(Decision.DIRECT)[0] >= 0.9 * hits.get(Decision.DIRECT)[1], "direct " + hits.get(Decision.DIRECT)[0]);
    }

    @Test
    void examples() {
        assertEquals(Decision.ASK, AnswerKinds.classify("Sure. Which account should I use?"));
        assertEquals(Decision.CANNOT, AnswerKinds.classify("I can't look up live prices."));
        assertEquals(Decision.DIRECT, AnswerKinds.classify("What is DI? It is passing dependencies in. That is all."));
    }
}

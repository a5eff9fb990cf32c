package dev.gannet.bench.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code gannet bench discrimination} through the real CLI with a scripted model. */
class DiscriminationCliTest {
    @TempDir
    Path temp;

    @Test
    void runsACaseFileAndWritesTheThreeReports() throws Exception {
        Path cases = Files.writeString(temp.resolve("mine.jsonl"), """
                {"id": "a", "category": "concept", "prompt": "What is a closure?", "expected": "direct", "tools": []}
                {"id": "b", "category": "lookup", "prompt": "Weather in Oslo?", "expected": "tool", "expected_tool": "weather.now", "tools": [{"name": "weather.now", "description": "Current weather", "parameters": {"type": "dict", "properties": {"city": {"type": "string"}}, "required": ["city"]}}], "possible_answer": [{"weather.now": {"city": ["Oslo"]}}]}
                """);
        Path script = Files.writeString(temp.resolve("script.jsonl"), """
                "A closure is a function that keeps the variables of the scope it was made in."
                "<tool_call>{\\"name\\": \\"weather_now\\", \\"arguments\\": {\\"city\\": \\"oslo\\"}}</tool_call>"
                """);
        Path out = temp.resolve("out");
        BenchCliTest.Result r = BenchCliTest.run("bench", "discrimination", "--suite", cases.toString(),
                "--model", "script:" + script, "--out", out.toString());
        assertEquals(0, r.exitCode(), r.err());
        assertTrue(r.out().contains("| Configuration | Disk Size | Memory | Load Time | Prefill tok/s | Decode tok/s | Avg Gen Time |"), r.out());
        assertTrue(r.out().contains("100% (2/2)"), r.out());
        assertTrue(r.err().contains("2/2"), r.err());
        JsonNode json = new ObjectMapper().readTree(out.resolve("report.json").toFile());
        assertEquals(1.0, json.at("/configurations/0/metrics/arguments/rate").asDouble());
        assertEquals("weather.now", json.at("/configurations/0/cases/1/tool_original_name").asText());
        assertTrue(Files.readString(out.resolve("report.html")).contains("<svg id=\"category-accuracy\""));
        assertTrue(Files.exists(out.resolve("report.md")));
    }

    @Test
    void badInputIsOneLine() {
        BenchCliTest.Result unknown = BenchCliTest.run("bench", "discrimination", "--suite", "nope", "--model", "script:x");
        assertTrue(unknown.exitCode() != 0);
        assertTrue(unknown.err().strip().startsWith("gannet: unknown suite 'nope'") || unknown.err().contains("unknown suite 'nope'"),
                unknown.err());
        assertEquals(1, unknown.err().strip().lines().count(), unknown.err());
        BenchCliTest.Result config = BenchCliTest.run("bench", "discrimination", "--suite", "seed", "--model",
                "script:x", "--config", "colour=blue");
        assertEquals(1, config.err().strip().lines().count(), config.err());
    }
}

package dev.gannet.bench.discrimination;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.gannet.bench.discrimination.report.JsonReport;
import dev.gannet.bench.discrimination.suite.Suites;
import dev.gannet.runtime.backend.ScriptedBackend;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Suites run end to end on the scripted model, whose every answer is known, so each metric can be
 * worked out by hand (the comments do it) and compared.
 */
class DiscriminationEndToEndTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path out;

    static BackendSource scripted(String name, List<String> completions) {
        return new BackendSource(name, () -> new ScriptedBackend(name, completions, Duration.ZERO), null, true);
    }

    static String call(String json) {
        return "<tool_call>" + json + "</tool_call>";
    }

    static DiscriminationReport run(String suite, int limit, Path out, BackendSource... sources) {
        List<BenchCase> cases = Suites.load(suite, DiscriminationSuitesTest.DATASETS);
        DiscriminationBenchmark.Settings settings = new DiscriminationBenchmark.Settings(suite,
                cases.subList(0, Math.min(limit, cases.size())), List.of(sources), List.of(RunConfiguration.DEFAULT),
                List.of(), null, 256, 4, out);
        return DiscriminationBenchmark.run(settings, new PrintWriter(new StringWriter()));
    }

    /** The seed suite through the whole agent loop, tools running in the written sample repository. */
    static List<String> seedScript() {
        return List.of(
                // seed-1 (direct): answers. Right.
                "Dependency injection hands a component its collaborators from outside instead of building them.",
                // seed-2 (direct): reads a file first (wrong), then answers.
                call("{\"name\": \"read_file\", \"arguments\": {\"path\": \"src/wiring/registry.py\"}}"),
                "A registry knows how to build services; a container builds and keeps them for one request.",
                // seed-3 (tool, grep or run_command): greps. Right, and the right tool.
                call("{\"name\": \"grep\", \"arguments\": {\"pattern\": \"\\\\(Protocol\\\\)\"}}"),
                "Clock, Greeter and Storage inherit from Protocol.",
                // seed-4 (tool): answers from memory. Wrong.
                "Create a registry, register a factory, then ask a container.",
                // seed-5 (direct): answers. Right.
                "Use a small registry when explicit wiring is enough; a framework pays off with many scopes.");
    }

    @Test
    void seedSuiteThroughTheAgentLoop() {
        DiscriminationReport report = run("seed", 5, out, scripted("scripted", seedScript()));
        ConfigurationResult result = report.results().getFirst();
        Scorecard score = result.score();
        assertEquals(new Tally(3, 5), score.accuracy());        // seed-1, seed-3, seed-5
        assertEquals(new Tally(1, 2), score.toolPrecision());   // calls on seed-2 and seed-3; only seed-3 wanted one
        assertEquals(new Tally(1, 2), score.toolRecall());      // seed-3 and seed-4 wanted one; seed-3 called
        assertEquals(new Tally(1, 1), score.rightTool());       // seed-3 called grep, which is listed
        assertEquals(new Tally(2, 2), score.validCalls());
        assertEquals(Tally.NONE, score.arguments());             // no ground truth for arguments in seed
        assertEquals(Map.of("best-practice", new Tally(1, 1), "comparison", new Tally(0, 1), "concept", new Tally(1, 1),
                "read", new Tally(0, 1), "search", new Tally(1, 1)), score.byCategory());
        Observation grep = result.observations().get("seed-3");
        assertEquals("grep", grep.tool());
        assertEquals(2, grep.steps());
        assertEquals("Clock, Greeter and Storage inherit from Protocol.", grep.answer());
        assertEquals(0, score.errors());
        // The scripted model counts one token per word piece: the 13 words of seed-1's answer.
        assertEquals(13, result.observations().get("seed-1").generatedTokens());
        assertTrue(score.meanLatencyMillis() > 0 && score.medianLatencyMillis() > 0);
    }

    /** The repo suite through the loop with a model that never calls: every direct case right, every tool case wrong. */
    @Test
    void repoSuiteWithAModelThatNeverCalls() {
        List<String> answers = java.util.Collections.nCopies(60, "It depends on the code.");
        Scorecard score = run("repo", 60, out, scripted("never-calls", answers)).results().getFirst().score();
        assertEquals(new Tally(30, 60), score.accuracy());
        assertEquals(Tally.NONE, score.toolPrecision());
        assertEquals(new Tally(0, 30), score.toolRecall());
        assertEquals(new Tally(10, 10), score.byCategory().get("comparison"));
        assertEquals(new Tally(0, 10), score.byCategory().get("run"));
    }

    /** BFCL simple, single step, arguments checked against possible_answer. */
    @Test
    void bfclSimpleWithArgumentChecking() {
        List<String> script = List.of(
                // simple_python_0: calculate_triangle_area, base 10, height 5 (unit may be left out). Right.
                call("{\"name\": \"calculate_triangle_area\", \"arguments\": {\"base\": 10, \"height\": 5}}"),
                // simple_python_1: math.factorial of 5, called under its model name with 6. Wrong arguments.
                call("{\"name\": \"math_factorial\", \"arguments\": {\"number\": 6}}"),
                // simple_python_2: answered without a call. Wrong decision.
                "The hypotenuse is about 6.4.");
        DiscriminationReport report = run("bfcl-simple", 3, out, scripted("scripted", script));
        Scorecard score = report.results().getFirst().score();
        assertEquals(new Tally(2, 3), score.accuracy());
        assertEquals(new Tally(2, 2), score.toolPrecision());
        assertEquals(new Tally(2, 3), score.toolRecall());
        assertEquals(new Tally(2, 2), score.rightTool());
        assertEquals(new Tally(1, 2), score.arguments());
        Observation factorial = report.results().getFirst().observations().get("simple_python_1");
        assertEquals(Boolean.FALSE, factorial.argumentsCorrect());
        assertEquals("'number' is 6, expected one of [5]", factorial.argumentsNote());
        JsonNode json = JsonReport.json(report);
        assertEquals(JsonReport.SCHEMA, json.get("schema").asText());
        JsonNode row = json.get("configurations").get(0);
        assertEquals(2.0 / 3, row.at("/metrics/accuracy/rate").asDouble(), 1e-12);
        assertEquals("math.factorial", row.at("/cases/1/tool_original_name").asText());
        assertTrue(row.at("/metrics/arguments/total").asInt() == 2);
    }

    /** When2Call: a tool case, a request for information and a refusal, each classified from the text. */
    @Test
    void when2callSortsAnswersIntoAskAndCannot() {
        List<BenchCase> cases = Suites.load("when2call", DiscriminationSuitesTest.DATASETS);
        BenchCase ask = cases.stream().filter(c -> c.expected() == Decision.ASK).findFirst().orElseThrow();
        BenchCase cannot = cases.stream().filter(c -> c.expected() == Decision.CANNOT).findFirst().orElseThrow();
        List<String> script = List.of("Which city do you mean?", "I'm sorry, I cannot do that with the tools I have.");
        DiscriminationBenchmark.Settings settings = new DiscriminationBenchmark.Settings("when2call",
                List.of(ask, cannot), List.of(scripted("scripted", script)), List.of(RunConfiguration.DEFAULT),
                List.of(), null, 64, 1, out);
        ConfigurationResult result = DiscriminationBenchmark.run(settings, new PrintWriter(new StringWriter()))
                .results().getFirst();
        assertEquals(Decision.ASK, result.observations().get(ask.id()).decision());
        assertEquals(Decision.CANNOT, result.observations().get(cannot.id()).decision());
        assertEquals(new Tally(2, 2), result.score().accuracy());
        assertEquals(Tally.NONE, result.score().toolPrecision());
    }

    /** A run cut short resumes from the cache: cached cases are not asked again. */
    @Test
    void anInterruptedRunResumesFromTheCache() throws Exception {
        String triangle = call("{\"name\": \"calculate_triangle_area\", \"arguments\": {\"base\": 10, \"height\": 5}}");
        DiscriminationReport first = run("bfcl-simple", 2, out,
                scripted("scripted", List.of(triangle, "I would rather not.")));
        assertEquals(new Tally(1, 2), first.results().getFirst().score().accuracy());
        Path cache;
        try (var files = Files.list(out.resolve("cache"))) {
            cache = files.filter(p -> p.toString().endsWith(".jsonl")).findFirst().orElseThrow();
        }
        // The process died while writing a third line: it is torn, and ignored.
        Files.writeString(cache, "{\"id\": \"simple_python_2\", \"deci", java.nio.file.StandardOpenOption.APPEND);
        // The script now holds only the third case's completion; asking it for a cached case would fail.
        DiscriminationReport resumed = run("bfcl-simple", 3, out,
                scripted("scripted", List.of(call("{\"name\": \"math_hypot\", \"arguments\": {\"x\": 4, \"y\": 5}}"))));
        ConfigurationResult result = resumed.results().getFirst();
        assertEquals(0, result.score().errors());
        assertEquals(new Tally(2, 3), result.score().accuracy());
        assertEquals(new Tally(2, 2), result.score().arguments());
        assertNull(result.observations().get("simple_python_1").tool());
    }
}

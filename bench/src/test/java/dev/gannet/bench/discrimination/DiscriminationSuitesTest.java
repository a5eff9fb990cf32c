package dev.gannet.bench.discrimination;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.gannet.bench.discrimination.suite.CaseFile;
import dev.gannet.bench.discrimination.suite.CaseFormatException;
import dev.gannet.bench.discrimination.suite.SampleWorkspace;
import dev.gannet.bench.discrimination.suite.Suites;
import dev.gannet.prompts.template.ToolDeclaration;
import java.io.IOException;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Every suite loads, with as many cases as its source holds and the expectations it documents. */
class DiscriminationSuitesTest {
    static final Path DATASETS = Suites.datasets(null);

    /** Non-blank lines, as the dataset files hold one case a line. */
    static long lines(String relative) throws IOException {
        try (var stream = Files.lines(DATASETS.resolve(relative))) {
            return stream.filter(line -> !line.isBlank()).count();
        }
    }

    @Test
    void everyBfclSuiteHasOneCasePerLine() throws IOException {
        Map<String, String> files = Map.of("bfcl-irrelevance", "BFCL_v4_irrelevance.json",
                "bfcl-live-irrelevance", "BFCL_v4_live_irrelevance.json",
                "bfcl-live-relevance", "BFCL_v4_live_relevance.json",
                "bfcl-simple", "BFCL_v4_simple_python.json",
                "bfcl-live-simple", "BFCL_v4_live_simple.json",
                "bfcl-multiple", "BFCL_v4_multiple.json");
        for (var entry : files.entrySet()) {
            List<BenchCase> cases = Suites.load(entry.getKey(), DATASETS);
            assertEquals(lines("bfcl/" + entry.getValue()), cases.size(), entry.getKey());
        }
        assertEquals(240, Suites.load("bfcl-irrelevance", DATASETS).size());
        assertEquals(400, Suites.load("bfcl-simple", DATASETS).size());
    }

    @Test
    void bfclNamesAndTypesAreMadeFitForModels() {
        BenchCase first = Suites.load("bfcl-simple", DATASETS).get(1); // simple_python_1: math.factorial
        assertEquals("simple_python_1", first.id());
        ToolDeclaration tool = first.tools().getFirst();
        assertEquals("math_factorial", tool.name());
        assertEquals("math.factorial", first.originalName("math_factorial"));
        assertEquals("object", tool.parameters().get("type"));
        assertEquals(java.util.Set.of("math_factorial"), first.expectedTools());
        assertTrue(first.possibleAnswer().get(0).has("math_factorial"));
        // No BFCL type name survives anywhere in any schema.
        for (String suite : List.of("bfcl-irrelevance", "bfcl-live-irrelevance", "bfcl-multiple", "when2call")) {
            for (BenchCase c : Suites.load(suite, DATASETS)) {
                for (ToolDeclaration declared : c.tools()) {
                    String schema = String.valueOf(declared.parameters());
                    assertFalse(schema.matches(".*type=(dict|float|tuple|any)[,}].*"), c.id() + ": " + schema);
                    assertTrue(declared.name().matches("[A-Za-z0-9_-]+"), declared.name());
                }
            }
        }
    }

    @Test
    void when2callHasItsThreeKindsInEqualParts() throws IOException {
        List<BenchCase> cases = Suites.load("when2call", DATASETS);
        assertEquals(lines("when2call/when2call_test_llm_judge.jsonl"), cases.size());
        Map<Decision, Long> byExpectation = cases.stream()
                .collect(Collectors.groupingBy(BenchCase::expected, Collectors.counting()));
        assertEquals(Map.of(Decision.TOOL, 100L, Decision.ASK, 100L, Decision.CANNOT, 100L), byExpectation);
    }

    @Test
    void seedHasTheFiveQueriesTwoOfThemNeedingTools() {
        List<BenchCase> seed = Suites.load("seed", DATASETS);
        assertEquals(5, seed.size());
        assertEquals(2, seed.stream().filter(c -> c.expected() == Decision.TOOL).count());
        assertTrue(seed.stream().allMatch(c -> c.builtinTools() && "seed".equals(c.workspace())));
    }

    @Test
    void repoHasSixtyCasesHalfOfThemLabelledWithATool() {
        List<BenchCase> repo = Suites.load("repo", DATASETS);
        assertTrue(repo.size() >= 60);
        List<BenchCase> tool = repo.stream().filter(c -> c.expected() == Decision.TOOL).toList();
        assertEquals(repo.size() / 2, tool.size());
        assertTrue(tool.stream().noneMatch(c -> c.expectedTools().isEmpty()));
        assertEquals(java.util.Set.of("find", "read", "run", "concept", "comparison", "best-practice"),
                repo.stream().map(BenchCase::category).collect(Collectors.toSet()));
    }

    @Test
    void sampleWorkspacesAreWrittenOut(@TempDir Path dir) throws IOException {
        List<String> files = SampleWorkspace.write("repo", dir);
        assertTrue(files.contains("shop/pricing.py") && files.contains("templates/index.html"));
        assertTrue(Files.readString(dir.resolve("shop/cart.py")).contains("class Cart"));
        SampleWorkspace.write("seed", dir.resolve("seed"));
        assertTrue(Files.readString(dir.resolve("seed/src/wiring/protocols.py")).contains("(Protocol)"));
    }

    @Test
    void badInputIsOneReadableLine(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("cases.jsonl");
        Files.writeString(file, "{\"id\": \"a\", \"prompt\": \"hi\", \"expected\": \"direct\"}\n{\"id\": \"b\", \"prompt\": \"x\", \"expected\": \"maybe\"}\n");
        CaseFormatException bad = assertThrows(CaseFormatException.class, () -> CaseFile.read(file));
        assertEquals(file + " line 2: unknown expected decision 'maybe'; expected one of [tool, direct, ask, cannot]",
                bad.getMessage());
        assertThrows(CaseFormatException.class, () -> CaseFile.read("x", new StringReader("{not json")));
        IllegalArgumentException unknown = assertThrows(IllegalArgumentException.class,
                () -> Suites.load("bfcl-everything", DATASETS));
        assertTrue(unknown.getMessage().startsWith("unknown suite 'bfcl-everything': not one of [seed, repo,"));
        assertFalse(unknown.getMessage().contains("\n"));
    }

    @Test
    void aCaseFileCanOfferItsOwnTools() throws IOException {
        String line = "{\"id\": \"w\", \"category\": \"weather\", \"messages\": [{\"role\": \"user\", \"content\": \"Rain in Oslo?\"}],"
                + " \"tools\": [{\"name\": \"weather.today\", \"description\": \"d\", \"parameters\": {\"type\": \"dict\","
                + " \"properties\": {\"city\": {\"type\": \"string\"}}}}], \"expected\": \"tool\", \"expected_tool\": \"weather.today\","
                + " \"possible_answer\": [{\"weather.today\": {\"city\": [\"Oslo\"]}}]}";
        BenchCase c = CaseFile.read("t", new StringReader(line)).getFirst();
        assertEquals("weather_today", c.tools().getFirst().name());
        assertEquals(java.util.Set.of("weather_today"), c.expectedTools());
        assertNotNull(c.possibleAnswer().get(0).get("weather_today"));
        assertFalse(c.builtinTools());
    }
}

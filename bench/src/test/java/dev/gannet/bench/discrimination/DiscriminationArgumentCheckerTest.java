package dev.gannet.bench.discrimination;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.gannet.bench.discrimination.suite.Suites;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The argument checker on real BFCL possible_answer entries, read through the suites (names made model-safe). */
class DiscriminationArgumentCheckerTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    static JsonNode truth(String suite, String id) {
        return Suites.load(suite, DiscriminationSuitesTest.DATASETS).stream().filter(c -> c.id().equals(id))
                .findFirst().orElseThrow().possibleAnswer();
    }

    static Optional<String> check(JsonNode truth, String tool, String arguments) throws Exception {
        return ArgumentChecker.mismatch(tool, JSON.readTree(arguments), truth);
    }

    @Test
    void simplePython0OptionalUnitCaseAndNumbers() throws Exception {
        // {"calculate_triangle_area": {"base": [10], "height": [5], "unit": ["units", ""]}}
        JsonNode truth = truth("bfcl-simple", "simple_python_0");
        assertEquals(Optional.empty(), check(truth, "calculate_triangle_area", "{\"base\": 10, \"height\": 5}"));
        assertEquals(Optional.empty(), check(truth, "calculate_triangle_area", "{\"base\": 10.0, \"height\": 5, \"unit\": \"Units\"}"));
        assertEquals(Optional.of("missing argument 'height'"), check(truth, "calculate_triangle_area", "{\"base\": 10}"));
        assertEquals(Optional.of("unexpected argument 'colour'"),
                check(truth, "calculate_triangle_area", "{\"base\": 10, \"height\": 5, \"colour\": \"red\"}"));
        assertEquals(Optional.of("'unit' is \"cm\", expected one of [\"units\",\"\"]"),
                check(truth, "calculate_triangle_area", "{\"base\": 10, \"height\": 5, \"unit\": \"cm\"}"));
        assertEquals(Optional.of("the ground truth names no tool 'triangle_area'"),
                check(truth, "triangle_area", "{\"base\": 10, \"height\": 5}"));
    }

    @Test
    void multiple8NestedObjectAndPunctuationInStrings() throws Exception {
        // {"realestate.find_properties": {"location": ["SD", "San Diego", "San Diego, CA", "CA"], "propertyType": ["villa"],
        //  "bedrooms": [3], "budget": [{"min": [300000], "max": [400000]}]}}
        JsonNode truth = truth("bfcl-multiple", "multiple_8");
        String tool = "realestate_find_properties";
        assertEquals(Optional.empty(), check(truth, tool,
                "{\"location\": \"san diego ca\", \"propertyType\": \"Villa\", \"bedrooms\": 3, \"budget\": {\"min\": 300000, \"max\": 400000}}"));
        assertEquals(true, check(truth, tool,
                "{\"location\": \"SD\", \"propertyType\": \"villa\", \"bedrooms\": 3, \"budget\": {\"min\": 300000, \"max\": 500000}}").isPresent());
        assertEquals(true, check(truth, tool,
                "{\"location\": \"LA\", \"propertyType\": \"villa\", \"bedrooms\": 3, \"budget\": {\"min\": 300000, \"max\": 400000}}").isPresent());
    }

    @Test
    void simplePython337ListsInOrder() throws Exception {
        JsonNode truth = truth("bfcl-simple", "simple_python_337");
        String cards = "\"cards\": {\"Alex\": [\"A of spades\", \"K of spades\"], \"Sam\": [\"2 of diamonds\", \"3 of clubs\"],"
                + " \"Robert\": [\"Q of hearts\", \"10 of hearts\"], \"Steve\": [\"4 of spades\", \"5 of spades\"]}";
        assertEquals(Optional.empty(), check(truth, "poker_game_winner",
                "{\"players\": [\"Alex\", \"Sam\", \"Robert\", \"Steve\"], " + cards + "}"));
        assertEquals(true, check(truth, "poker_game_winner",
                "{\"players\": [\"Sam\", \"Alex\", \"Robert\", \"Steve\"], " + cards + "}").isPresent());
    }

    @Test
    void everyGroundTruthAcceptsItsOwnFirstAllowedValues() {
        // Build, for every simple and multiple case, the call made of each argument's first allowed
        // value (skipping "may be left out"): the checker must accept all of them.
        for (String suite : List.of("bfcl-simple", "bfcl-multiple", "bfcl-live-simple")) {
            for (BenchCase c : Suites.load(suite, DiscriminationSuitesTest.DATASETS)) {
                JsonNode entry = c.possibleAnswer().get(0);
                String tool = entry.fieldNames().next();
                JsonNode arguments = firstAllowed(entry.get(tool));
                assertEquals(Optional.empty(), ArgumentChecker.mismatch(tool, arguments, c.possibleAnswer()), c.id());
            }
        }
    }

    private static JsonNode firstAllowed(JsonNode allowedByKey) {
        var object = JSON.createObjectNode();
        allowedByKey.fields().forEachRemaining(field -> {
            for (JsonNode value : field.getValue()) {
                if (!(value.isTextual() && value.textValue().isEmpty())) {
                    object.set(field.getKey(), concrete(value));
                    return;
                }
            }
        });
        return object;
    }

    /** An allowed value as a model would write it: objects (and objects inside lists) hold allowed values again. */
    private static JsonNode concrete(JsonNode allowed) {
        if (allowed.isObject()) {
            return firstAllowed(allowed);
        }
        if (allowed.isArray()) {
            var array = JSON.createArrayNode();
            allowed.forEach(element -> array.add(concrete(element)));
            return array;
        }
        return allowed;
    }
}

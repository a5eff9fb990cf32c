package dev.gannet.prompts.schema;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** (schema, value) → the violations, described; empty when valid. */
class JsonSchemaValidatorTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    private static final String TOOL = """
            {"type": "object",
             "properties": {
               "path": {"type": "string"},
               "limit": {"type": "integer"},
               "ratio": {"type": "number"},
               "mode": {"type": "string", "enum": ["files", "lines"]},
               "flags": {"type": "array", "items": {"type": "string"}},
               "options": {"type": "object", "properties": {"depth": {"type": "integer"}}, "required": ["depth"],
                           "additionalProperties": false},
               "maybe": {"type": ["string", "null"]}},
             "required": ["path"],
             "additionalProperties": false}""";

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "{\"path\": \"a\"}|",
            "{\"path\": \"a\", \"limit\": 3, \"ratio\": 0.5, \"mode\": \"lines\", \"flags\": [\"x\"], \"options\": {\"depth\": 2}, \"maybe\": null}|",
            "{\"path\": \"a\", \"limit\": 3.0}|",
            "{\"path\": \"a\", \"ratio\": 3}|",
            "{}|'path' is required but missing",
            "{\"path\": 5}|'path' must be a string (got an integer 5)",
            "{\"path\": \"a\", \"limit\": 2.5}|'limit' must be an integer (got a number 2.5)",
            "{\"path\": \"a\", \"limit\": \"10\"}|'limit' must be an integer (got a string \"10\")",
            "{\"path\": \"a\", \"ratio\": true}|'ratio' must be a number (got a boolean true)",
            "{\"path\": \"a\", \"mode\": \"all\"}|'mode' must be one of [\"files\",\"lines\"] (got \"all\")",
            "{\"path\": \"a\", \"flags\": [\"x\", 2]}|'flags[1]' must be a string (got an integer 2)",
            "{\"path\": \"a\", \"flags\": \"x\"}|'flags' must be an array (got a string \"x\")",
            "{\"path\": \"a\", \"options\": {}}|'options.depth' is required but missing",
            "{\"path\": \"a\", \"options\": {\"depth\": 1, \"x\": 1}}|'options.x' is not a known property (known: depth)",
            "{\"path\": \"a\", \"maybe\": 1}|'maybe' must be a string or null (got an integer 1)",
            "{\"path\": \"a\", \"extra\": 1}|'extra' is not a known property (known: path, limit, ratio, mode, flags, options, maybe)",
            "{\"limit\": \"x\", \"mode\": 1}|'path' is required but missing; 'limit' must be an integer (got a string \"x\"); 'mode' must be a string (got an integer 1)",
            "[]|the value must be an object (got an array)"})
    void validatesToolArguments(String value, String expected) throws Exception {
        assertEquals(expected == null ? "" : expected, describe(TOOL, value));
    }

    @ParameterizedTest(name = "{0} / {1}")
    @CsvSource(delimiter = '|', value = {
            "true|{\"a\": 1}|",
            "false|1|the value is not allowed here",
            "{}|[1, \"x\"]|",
            "{\"additionalProperties\": {\"type\": \"integer\"}}|{\"a\": 1, \"b\": \"2\"}|'b' must be an integer (got a string \"2\")",
            "{\"const\": 3}|3.0|",
            "{\"const\": 3}|4|the value must be 3 (got 4)",
            "{\"enum\": [1, \"a\", null]}|1.0|",
            "{\"type\": \"object\", \"properties\": {\"a\": {\"type\": \"object\", \"properties\": {\"b\": {\"type\": \"array\", \"items\": {\"type\": \"integer\"}}}}}}|{\"a\": {\"b\": [1, 2, \"3\"]}}|'a.b[2]' must be an integer (got a string \"3\")",
            "{\"anyOf\": [{\"type\": \"string\"}]}|5|",
            "{\"type\": \"integer\"}|-0.5|the value must be an integer (got a number -0.5)"})
    void handlesTheRestOfTheSubset(String schema, String value, String expected) throws Exception {
        assertEquals(expected == null ? "" : expected, describe(schema, value));
    }

    private static String describe(String schema, String value) throws Exception {
        List<SchemaViolation> violations = JsonSchemaValidator.validate(JSON.readTree(schema), JSON.readTree(value));
        return String.join("; ", violations.stream().map(SchemaViolation::describe).toList());
    }
}

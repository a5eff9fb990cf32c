package dev.gannet.tools.schema;

import static dev.gannet.tools.testing.Calls.json;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class JsonSchemaTest {
    private static final JsonSchema SCHEMA = JsonSchema.parse("""
            {
              "type": "object",
              "properties": {
                "name": {"type": "string", "minLength": 1, "maxLength": 5},
                "count": {"type": "integer", "minimum": 0, "maximum": 10},
                "ratio": {"type": "number", "minimum": 0.5},
                "flag": {"type": "boolean"},
                "mode": {"type": "string", "enum": ["a", "b"]},
                "glob": {"type": ["string", "array"], "items": {"type": "string"}, "maxItems": 2},
                "nested": {"type": "object", "properties": {"x": {"type": "integer"}}, "required": ["x"],
                           "additionalProperties": {"type": "string"}}
              },
              "required": ["name"],
              "additionalProperties": false
            }
            """);

    /** (value, expected violations) — the expectations are written from the JSON Schema standard. */
    private static final List<Object[]> CASES = List.of(
            new Object[] {"{\"name\": \"abc\"}", List.of()},
            new Object[] {"{\"name\": \"abc\", \"count\": 3, \"ratio\": 0.5, \"flag\": true, \"mode\": \"b\"}", List.of()},
            new Object[] {"{\"name\": \"abc\", \"count\": 3.0}", List.of()},
            new Object[] {"{\"name\": \"abc\", \"count\": 3.5}", List.of("arguments.count: expected integer, got number 3.5")},
            new Object[] {"{\"name\": \"abc\", \"count\": \"3\"}", List.of("arguments.count: expected integer, got string")},
            new Object[] {"{\"name\": \"abc\", \"count\": 11}", List.of("arguments.count: must be at most 10, got 11")},
            new Object[] {"{\"name\": \"abc\", \"count\": -1}", List.of("arguments.count: must be at least 0, got -1")},
            new Object[] {"{\"name\": \"abc\", \"count\": 1e300}", List.of("arguments.count: expected integer, got number 1.0E300")},
            new Object[] {"{\"name\": \"abc\", \"count\": 99999999999999999999999}",
                    List.of("arguments.count: expected integer, got integer 99999999999999999999999")},
            new Object[] {"{\"name\": \"abc\", \"ratio\": 0.25}", List.of("arguments.ratio: must be at least 0.5, got 0.25")},
            new Object[] {"{\"name\": \"abc\", \"ratio\": 2}", List.of()},
            new Object[] {"{}", List.of("arguments: missing required argument 'name'")},
            new Object[] {"{\"name\": \"\"}", List.of("arguments.name: must be at least 1 characters long")},
            new Object[] {"{\"name\": \"abcdef\"}", List.of("arguments.name: must be at most 5 characters long, got 6")},
            new Object[] {"{\"name\": \"\uD83D\uDE00\uD83D\uDE00\uD83D\uDE00\"}", List.of()},
            new Object[] {"{\"name\": \"abc\", \"extra\": 1}",
                    List.of("arguments: unknown argument 'extra'; expected one of [count, flag, glob, mode, name, nested, ratio]")},
            new Object[] {"{\"name\": \"abc\", \"mode\": \"c\"}", List.of("arguments.mode: must be one of [\"a\",\"b\"], got string")},
            new Object[] {"{\"name\": \"abc\", \"flag\": \"true\"}", List.of("arguments.flag: expected boolean, got string")},
            new Object[] {"{\"name\": \"abc\", \"glob\": \"*.java\"}", List.of()},
            new Object[] {"{\"name\": \"abc\", \"glob\": [\"*.java\", 3]}", List.of("arguments.glob[1]: expected string, got integer 3")},
            new Object[] {"{\"name\": \"abc\", \"glob\": [\"a\", \"b\", \"c\"]}", List.of("arguments.glob: must have at most 2 items, got 3")},
            new Object[] {"{\"name\": \"abc\", \"glob\": 7}", List.of("arguments.glob: expected string or array, got integer 7")},
            new Object[] {"{\"name\": \"abc\", \"nested\": {\"x\": 1, \"y\": \"s\"}}", List.of()},
            new Object[] {"{\"name\": \"abc\", \"nested\": {\"y\": 2}}",
                    List.of("arguments.nested: missing required argument 'x'", "arguments.nested.y: expected string, got integer 2")},
            new Object[] {"[1]", List.of("arguments: expected object, got array")},
            new Object[] {"{\"name\": null}", List.of("arguments.name: expected string, got null")});

    @Test
    void validatesTheSubsetAsTheStandardSays() {
        for (Object[] c : CASES) {
            assertEquals(c[1], SCHEMA.validate(json((String) c[0]), "arguments"), (String) c[0]);
        }
    }

    @Test
    void refusesKeywordsItWouldNotEnforce() {
        IllegalArgumentException pattern = assertThrows(IllegalArgumentException.class,
                () -> JsonSchema.parse("{\"type\": \"object\", \"properties\": {\"a\": {\"type\": \"string\", \"pattern\": \"x\"}}}"));
        assertTrue(pattern.getMessage().contains("'pattern'"), pattern.getMessage());
        assertTrue(pattern.getMessage().contains("#/properties/a"), pattern.getMessage());
        assertThrows(IllegalArgumentException.class, () -> JsonSchema.parse("{\"type\": \"int\"}"));
        assertThrows(IllegalArgumentException.class, () -> JsonSchema.parse("{\"oneOf\": []}"));
        assertThrows(IllegalArgumentException.class, () -> JsonSchema.parse("[]"));
        assertThrows(IllegalArgumentException.class, () -> JsonSchema.parse("{not json"));
    }

    @Test
    void handsOutCopiesSoCallersCannotChangeIt() {
        SCHEMA.toJson().put("type", "array");
        assertEquals("object", SCHEMA.toJson().get("type").asText());
    }
}

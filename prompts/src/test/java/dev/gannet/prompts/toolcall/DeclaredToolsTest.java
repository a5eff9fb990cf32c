package dev.gannet.prompts.toolcall;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class DeclaredToolsTest {

    @Test
    void readsOpenAiToolsAndBareFunctions() throws Exception {
        DeclaredTools tools = DeclaredTools.fromJson(TestTools.JSON.readTree(
                "[{\"type\": \"function\", \"function\": {\"name\": \"a\", \"parameters\": {\"type\": \"object\"}}},"
                        + " {\"name\": \"b\", \"description\": \"bee\"}]"));
        assertEquals(java.util.List.of("a", "b"), tools.names());
        assertEquals("bee", tools.find("b").orElseThrow().description());
        assertTrue(tools.find("b").orElseThrow().parameters().isEmpty());
        assertTrue(tools.accepts("a"));
        assertFalse(tools.accepts("c"));
        assertFalse(tools.acceptsAnyName());
        assertTrue(DeclaredTools.anyName().accepts("anything"));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "{\"name\": \"a\"}| the tools must be a JSON array",
            "[{\"description\": \"x\"}]| tool 0 has no \"name\"",
            "[{\"name\": \"a\", \"parameters\": 3}]| the \"parameters\" of tool 'a' must be a JSON schema object",
            "[{\"name\": \"a\"}, {\"name\": \"a\"}]| the tool 'a' is declared twice"})
    void refusesWhatIsNotAToolList(String json, String message) throws Exception {
        var node = TestTools.JSON.readTree(json);
        assertEquals(message, assertThrows(IllegalArgumentException.class, () -> DeclaredTools.fromJson(node)).getMessage());
    }
}

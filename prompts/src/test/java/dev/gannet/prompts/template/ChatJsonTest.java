package dev.gannet.prompts.template;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ChatJsonTest {
    @Test
    void readsTheOpenAiFormat() {
        List<ChatMessage> messages = ChatJson.messages("""
                {"model": "x", "messages": [
                  {"role": "system", "content": "Be brief."},
                  {"role": "user", "content": [{"type": "text", "text": "Hi "}, {"type": "text", "text": "there"}]},
                  {"role": "assistant", "content": null, "tool_calls": [
                    {"id": "c1", "type": "function", "function": {"name": "f", "arguments": "{\\"b\\": 1, \\"a\\": [true, null]}"}},
                    {"id": "c2", "type": "function", "function": {"name": "g", "arguments": {"x": "y"}}}]},
                  {"role": "tool", "tool_call_id": "c1", "name": "f", "content": "ok"}]}""");
        assertEquals(List.of(
                ChatMessage.system("Be brief."),
                ChatMessage.user("Hi there"),
                ChatMessage.assistant(null, List.of(
                        new ToolCall("c1", "f", linked("b", 1, "a", java.util.Arrays.asList(true, null))),
                        new ToolCall("c2", "g", Map.of("x", "y")))),
                ChatMessage.tool("c1", "ok").withName("f")), messages);
        // The arguments keep the model's key order.
        assertEquals(List.of("b", "a"), List.copyOf(messages.get(2).toolCalls().getFirst().arguments().keySet()));
    }

    @Test
    void readsToolDeclarations() {
        List<ToolDeclaration> tools = ChatJson.tools("""
                [{"type": "function", "function": {"name": "read_file", "description": "Read.",
                  "parameters": {"type": "object", "properties": {"path": {"type": "string"}}}}},
                 {"type": "function", "function": {"name": "now"}}]""");
        assertEquals(List.of(
                new ToolDeclaration("read_file", "Read.", Map.of("type", "object", "properties", Map.of("path", Map.of("type", "string")))),
                new ToolDeclaration("now", null, null)), tools);
        assertEquals(tools, ChatJson.tools("{\"tools\": " + "[{\"type\": \"function\", \"function\": {\"name\": \"read_file\", "
                + "\"description\": \"Read.\", \"parameters\": {\"type\": \"object\", \"properties\": {\"path\": {\"type\": \"string\"}}}}},"
                + "{\"function\": {\"name\": \"now\"}}]}"));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            not json                                                                  | messages are not valid JSON
            {"messages": 3}                                                           | expected a JSON array of messages
            [3]                                                                       | messages[0] is not an object
            [{"content": "x"}]                                                        | messages[0] has no string "role"
            [{"role": "user", "content": 5}]                                          | messages[0].content is neither a string, null, nor an array of text parts
            [{"role": "user", "content": [{"type": "image_url"}]}]                    | messages[0].content holds a part that is not
            [{"role": "assistant", "tool_calls": {}}]                                 | messages[0].tool_calls is not an array
            [{"role": "assistant", "tool_calls": [{"type": "code"}]}]                 | messages[0].tool_calls[0] has type "code"
            [{"role": "assistant", "tool_calls": [{"function": {"arguments": "{}"}}]}] | messages[0].tool_calls[0].function has no string "name"
            [{"role": "assistant", "tool_calls": [{"function": {"name": "f", "arguments": "{nope"}}]}] | messages[0].tool_calls[0].function.arguments is not valid JSON
            [{"role": "assistant", "tool_calls": [{"function": {"name": "f", "arguments": "[1]"}}]}]   | messages[0].tool_calls[0].function.arguments is not a JSON object
            [{"role": "tool", "tool_call_id": 7, "content": "x"}]                     | messages[0].tool_call_id is not a string
            """)
    void refusesMalformedMessagesSayingWhere(String json, String expected) {
        ChatFormatException e = assertThrows(ChatFormatException.class, () -> ChatJson.messages(json));
        assertTrue(e.getMessage().startsWith(expected), e.getMessage());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            {"type": "function"}                                            | expected a JSON array of tools
            [{"type": "retrieval"}]                                         | tools[0] has type "retrieval"
            [{"type": "function", "function": {"description": "x"}}]        | tools[0].function has no string "name"
            [{"type": "function", "function": {"name": "f", "parameters": 1}}] | tools[0].function.parameters is not a JSON schema object
            """)
    void refusesMalformedToolsSayingWhere(String json, String expected) {
        ChatFormatException e = assertThrows(ChatFormatException.class, () -> ChatJson.tools(json));
        assertTrue(e.getMessage().startsWith(expected), e.getMessage());
    }

    private static Map<String, Object> linked(Object... keysAndValues) {
        Map<String, Object> map = new java.util.LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            map.put((String) keysAndValues[i], keysAndValues[i + 1]);
        }
        return map;
    }
}

package dev.gannet.prompts.toolcall;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.core.JsonProcessingException;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The whole-text parser against the table of {@link ToolCallCases}. */
class ToolCallParserTest {

    static Stream<ToolCallCases.Case> cases() {
        return ToolCallCases.all().stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void parsesAsTheTableSays(ToolCallCases.Case c) throws JsonProcessingException {
        ParseResult result = ToolCallParser.of(c.format(), c.tools()).parse(c.input());
        assertEquals(c.content(), result.content(), "content");
        assertEquals(c.calls().size(), result.calls().size(), () -> "calls: " + result);
        for (int i = 0; i < c.calls().size(); i++) {
            String expected = c.calls().get(i);
            int space = expected.indexOf(' ');
            ToolCall call = result.calls().get(i);
            assertEquals(expected.substring(0, space), call.name(), "name of call " + i);
            assertEquals(TestTools.JSON.readTree(expected.substring(space + 1)), call.arguments(), "arguments of call " + i);
            assertEquals("call_" + i, call.id());
        }
        assertEquals(c.errors().size(), result.errors().size(), () -> "errors: " + result.errors());
        for (int i = 0; i < c.errors().size(); i++) {
            String expected = c.errors().get(i);
            int colon = expected.indexOf(": ");
            ToolCallError error = result.errors().get(i);
            assertEquals(expected.substring(0, colon), error.kind().name(), () -> error.message());
            assertTrue(error.message().contains(expected.substring(colon + 2)), error.message());
        }
    }

    @Test
    void rawTextIsTheWholeCallRegion() {
        String region = "<tool_call>\n{\"name\": \"read_file\", \"arguments\": {\"path\": \"a.txt\"}}\n</tool_call>";
        ParseResult result = ToolCallParser.of(ToolCallFormat.HERMES, TestTools.declared()).parse("Hi " + region + " bye");
        assertEquals(region, result.calls().getFirst().raw());
        assertEquals("Hi  bye", result.content());
    }

    @Test
    void errorsNameTheToolWhenTheyCan() {
        ParseResult result = ToolCallParser.of(ToolCallFormat.HERMES, TestTools.declared())
                .parse("<tool_call>{\"name\": \"read_file\", \"arguments\": {\"path\": }}</tool_call>");
        assertEquals(List.of(), result.calls());
        assertEquals("read_file", result.errors().getFirst().toolName().orElseThrow());
    }

    @Test
    void nothingAModelWritesThrows() {
        ToolCallParser parser = ToolCallParser.of(ToolCallFormat.AUTO, TestTools.declared());
        String alphabet = "<>{}[]\"\\:,;`/|=_ \nabcnametool_callfunctionparameterTOOL_CALLSARGS";
        java.util.SplittableRandom random = new java.util.SplittableRandom(4);
        String[] pieces = {"<tool_call>", "</tool_call>", "<function=read_file>", "<parameter=path>", "</parameter>",
                "</function>", "[TOOL_CALLS]", "[ARGS]", "<|python_tag|>", "<|tool_call|>", "<|/tool_call|>", "```json\n",
                "```", "{\"name\": \"read_file\", \"arguments\": ", "{\"path\": \"a\"}", "\n"};
        for (int n = 0; n < 1500; n++) {
            StringBuilder text = new StringBuilder();
            int length = random.nextInt(30);
            for (int i = 0; i < length; i++) {
                text.append(random.nextBoolean() ? pieces[random.nextInt(pieces.length)]
                        : String.valueOf(alphabet.charAt(random.nextInt(alphabet.length()))));
            }
            ParseResult whole = parser.parse(text.toString());
            assertEquals(whole, StreamingToolCallParserTest.streamed(parser, text.toString(), random), text::toString);
        }
    }
}

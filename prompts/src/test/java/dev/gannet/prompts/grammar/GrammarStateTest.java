package dev.gannet.prompts.grammar;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.gannet.prompts.toolcall.DeclaredTools;
import dev.gannet.prompts.toolcall.ToolCallFormat;
import java.util.Arrays;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** What the character automaton accepts: (format, text) → complete, still open, or refused. */
class GrammarStateTest {
    private static final String COMPLETE = "complete";
    private static final String OPEN = "open";
    private static final String REFUSED = "refused";

    static final Object[][] TABLE = {
            {ToolCallFormat.HERMES, "<tool_call>{\"name\": \"read_file\", \"arguments\": {\"path\": \"a.txt\"}}</tool_call>", COMPLETE},
            {ToolCallFormat.HERMES, "<tool_call>\n{\"name\": \"read_file\", \"arguments\": {\"path\": \"a.txt\", \"limit\": 10}}\n</tool_call>", COMPLETE},
            {ToolCallFormat.HERMES, "<tool_call>{\"name\":\"read_file\",\"parameters\":{\"limit\":-3,\"path\":\"\"}}</tool_call>", COMPLETE},
            {ToolCallFormat.HERMES, "<tool_call>{\"name\": \"read_file\", \"arguments\": {\"path\": \"a.txt\"}}", OPEN},
            {ToolCallFormat.HERMES, "<tool_call>{\"name\": \"read_file\", \"arguments\": {\"path\": \"a.txt\", \"limit\": 1.5", REFUSED},
            {ToolCallFormat.HERMES, "<tool_call>{\"name\": \"read_file\", \"arguments\": {\"path\": \"a.txt\", \"limit\": \"", REFUSED},
            {ToolCallFormat.HERMES, "<tool_call>{\"name\": \"read_file\", \"arguments\": {}", REFUSED},
            {ToolCallFormat.HERMES, "<tool_call>{\"name\": \"read_file\", \"arguments\": {\"file\"", REFUSED},
            {ToolCallFormat.HERMES, "<tool_call>{\"name\": \"read_file\", \"arguments\": {\"path\": \"a\", \"path\"", REFUSED},
            {ToolCallFormat.HERMES, "<tool_call>{\"name\": \"delete", REFUSED},
            {ToolCallFormat.HERMES, "<tool_call>{\"arguments\"", REFUSED},
            {ToolCallFormat.HERMES, "<tool_call>{\"name\": \"grep\", \"arguments\": {\"pattern\": \"x\", \"mode\": \"files\"}}</tool_call>", COMPLETE},
            {ToolCallFormat.HERMES, "<tool_call>{\"name\": \"grep\", \"arguments\": {\"pattern\": \"x\", \"mode\": \"all", REFUSED},
            {ToolCallFormat.HERMES, "<tool_call>{\"name\": \"grep\", \"arguments\": {\"pattern\": \"x\", \"flags\": [\"-i\", \"-w\"], \"fuzzy\": true}}</tool_call>", COMPLETE},
            {ToolCallFormat.HERMES, "<tool_call>{\"name\": \"grep\", \"arguments\": {\"pattern\": \"x\", \"flags\": [1", REFUSED},
            {ToolCallFormat.HERMES, "<tool_call>{\"name\": \"run_command\", \"arguments\": {\"command\": \"ls\", \"env\": {\"A\": \"1\"}, \"cwd\": null, \"timeout\": 2.5e+1}}</tool_call>", COMPLETE},
            {ToolCallFormat.HERMES, "<tool_call>{\"name\": \"run_command\", \"arguments\": {\"command\": \"ls\", \"env\": {\"A\": 1", REFUSED},
            {ToolCallFormat.HERMES, "<tool_call>{\"name\": \"run_command\", \"arguments\": {\"command\": \"say \\\"hi\\\" \\u00e9\\n\"}}</tool_call>", COMPLETE},
            {ToolCallFormat.HERMES, "<tool_call>{\"name\": \"run_command\", \"arguments\": {\"command\": \"a\nb", REFUSED},
            {ToolCallFormat.HERMES, "<tool_call>{\"name\": \"run_command\", \"arguments\": {\"command\": \"\\x", REFUSED},
            {ToolCallFormat.HERMES, "<tool_call>{\n  \"name\": \"list_files\",\n  \"arguments\": {}\n}\n</tool_call>", COMPLETE},
            {ToolCallFormat.HERMES, "<tool_call>{\"name\": \"list_files\", \"arguments\": {\"x\"", REFUSED},
            {ToolCallFormat.HERMES, "<tool_call>{\"name\":  \"list_files\"", REFUSED},
            {ToolCallFormat.HERMES, "<tool_call>{\"name\": \"read_file\", \"arguments\": {\"path\": \"a\", \"limit\": 01", REFUSED},
            {ToolCallFormat.HERMES, "<tool_call>{\"name\": \"list_files\", \"arguments\": {}}</tool_call> and free text after", COMPLETE},
            {ToolCallFormat.JSON, "{\"name\": \"list_files\", \"arguments\": {}}", COMPLETE},
            {ToolCallFormat.LLAMA3, "<|python_tag|>{\"name\": \"read_file\", \"parameters\": {\"path\": \"a\"}}", COMPLETE},
            {ToolCallFormat.MISTRAL, "[TOOL_CALLS] [{\"name\": \"list_files\", \"arguments\": {}}, {\"name\": \"read_file\", \"arguments\": {\"path\": \"a\"}}]", COMPLETE},
            {ToolCallFormat.MISTRAL, "[TOOL_CALLS] []", REFUSED},
            {ToolCallFormat.PHI4, "<|tool_call|>[{\"name\": \"list_files\", \"arguments\": {}}]<|/tool_call|>", COMPLETE},
            {ToolCallFormat.QWEN3_XML, "<tool_call>\n<function=read_file>\n<parameter=path>\nsrc/a.py\n</parameter>\n<parameter=limit>\n10\n</parameter>\n</function>\n</tool_call>", COMPLETE},
            {ToolCallFormat.QWEN3_XML, "<tool_call>\n<function=read_file>\n<parameter=limit>\nten", REFUSED},
            {ToolCallFormat.QWEN3_XML, "<tool_call>\n<function=read_file>\n</function>", REFUSED},
            {ToolCallFormat.QWEN3_XML, "<tool_call>\n<function=read_file>\n<parameter=file>", REFUSED},
            {ToolCallFormat.QWEN3_XML, "<tool_call>\n<function=grep>\n<parameter=pattern>\n<b> & </b>\n</parameter>\n<parameter=mode>\nlines\n</parameter>\n</function>\n</tool_call>", COMPLETE},
            {ToolCallFormat.QWEN3_XML, "<tool_call>\n<function=grep>\n<parameter=mode>\nall", REFUSED}};

    static Stream<Arguments> table() {
        return Arrays.stream(TABLE).map(Arguments::of);
    }

    @ParameterizedTest(name = "{0}: {1}")
    @MethodSource("table")
    void acceptsExactlyTheValidCalls(ToolCallFormat format, String text, String expected) {
        assertEquals(expected, verdict(format, text));
    }

    static String verdict(ToolCallFormat format, String text) {
        ToolCallGrammar grammar = ToolCallGrammar.of(format, GrammarFixtures.tools());
        for (Trigger trigger : grammar.triggers()) {
            if (text.startsWith(trigger.text())) {
                GrammarState state = trigger.after().advance(text.substring(trigger.text().length()));
                return state == null ? REFUSED : state.isFinished() ? COMPLETE : OPEN;
            }
        }
        throw new AssertionError("no trigger starts " + text);
    }

    @Test
    void theTriggersAreTheFormatsMarkers() {
        assertEquals(java.util.List.of("<tool_call>", "{\"name\""),
                ToolCallGrammar.of(ToolCallFormat.AUTO, GrammarFixtures.tools()).triggerTexts());
        assertEquals(java.util.List.of("<|python_tag|>", "{\"name\""),
                ToolCallGrammar.of(ToolCallFormat.LLAMA3, GrammarFixtures.tools()).triggerTexts());
    }

    @Test
    void needsDeclaredTools() {
        assertTrue(assertThrows(IllegalArgumentException.class,
                () -> ToolCallGrammar.of(ToolCallFormat.HERMES, DeclaredTools.anyName())).getMessage().contains("declared tools"));
    }

    @Test
    void equalStatesAreEqual() {
        ToolCallGrammar grammar = ToolCallGrammar.of(ToolCallFormat.HERMES, GrammarFixtures.tools());
        GrammarState after = grammar.triggers().getFirst().after();
        GrammarState a = after.advance("{\"name\": \"run_command\", \"arguments\": {\"command\": \"ab");
        GrammarState b = after.advance("{\"name\": \"run_command\", \"arguments\": {\"command\": \"xyz");
        assertNotNull(a);
        assertEquals(a, b);
        assertEquals(a.hashCode(), b.hashCode());
        assertTrue(a.inPlainString());
        assertNull(after.advance("x"));
    }
}

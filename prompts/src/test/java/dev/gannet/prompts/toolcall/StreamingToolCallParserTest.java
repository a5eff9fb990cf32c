package dev.gannet.prompts.toolcall;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The streaming parser: any split of the text gives what the whole-text parser gives, and answer
 * text is let through as early as it can be.
 */
class StreamingToolCallParserTest {

    static Stream<ToolCallCases.Case> cases() {
        return ToolCallCases.all().stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void everyTwoWaySplitGivesTheWholeTextResult(ToolCallCases.Case c) {
        ToolCallParser parser = ToolCallParser.of(c.format(), c.tools());
        ParseResult whole = parser.parse(c.input());
        for (int cut = 0; cut <= c.input().length(); cut++) {
            ParseResult split = feed(parser, List.of(c.input().substring(0, cut), c.input().substring(cut)));
            assertEquals(whole, split, "split at " + cut);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void randomSplitsGiveTheWholeTextResult(ToolCallCases.Case c) {
        ToolCallParser parser = ToolCallParser.of(c.format(), c.tools());
        ParseResult whole = parser.parse(c.input());
        SplittableRandom random = new SplittableRandom(c.input().hashCode());
        for (int n = 0; n < 100; n++) {
            assertEquals(whole, streamed(parser, c.input(), random), "random split " + n);
        }
        assertEquals(whole, feed(parser, c.input().chars().mapToObj(ch -> String.valueOf((char) ch)).toList()),
                "one character at a time");
    }

    @Test
    void answerTextIsNotHeldBack() {
        StreamingToolCallParser parser = ToolCallParser.of(ToolCallFormat.HERMES, TestTools.declared()).streaming();
        assertEquals(List.of(text("The answer is 42")), parser.accept("The answer is 42"));
        // A '<' may open <tool_call>: held until it cannot.
        assertEquals(List.of(text(" and ")), parser.accept(" and <"));
        assertEquals(List.of(text("<b")), parser.accept("b"));
        assertEquals(List.of(text(">ok</b>")), parser.accept(">ok</b>"));
        assertEquals(List.of(), parser.finish());
    }

    @Test
    void aCallIsReportedWhenItsClosingTagArrives() {
        StreamingToolCallParser parser = ToolCallParser.of(ToolCallFormat.HERMES, TestTools.declared()).streaming();
        assertEquals(List.of(text("Reading.\n")), parser.accept("Reading.\n<tool_"));
        assertEquals(List.of(), parser.accept("call>{\"name\": \"read_file\", \"arguments\": {\"path\": \"a.txt\"}}"));
        assertEquals(List.of(), parser.accept("</tool_c"));
        List<ToolCallEvent> events = parser.accept("all>");
        assertEquals(1, events.size(), events::toString);
        ToolCallEvent.CallCompleted completed = (ToolCallEvent.CallCompleted) events.getFirst();
        assertEquals("read_file", completed.call().name());
        assertEquals("call_0", completed.call().id());
        assertEquals(List.of(text("\n")), parser.accept("\n"));
    }

    @Test
    void codeInTheAnswerStreamsEvenWhereBareJsonCountsAsCalls() {
        StreamingToolCallParser parser = ToolCallParser.of(ToolCallFormat.AUTO, TestTools.declared()).streaming();
        List<ToolCallEvent> events = new ArrayList<>();
        events.addAll(parser.accept("Here:\n{\n  \"status\": "));
        // The first key rules out a call: no need to wait for the closing brace.
        assertEquals(List.of(text("Here:\n{\n  \"status\": ")), events);
        assertEquals(List.of(text("\"ok\"\n}")), parser.accept("\"ok\"\n}"));
    }

    @Test
    void finishingTwiceIsHarmlessAndAcceptingAfterwardsIsAMistake() {
        StreamingToolCallParser parser = ToolCallParser.of(ToolCallFormat.HERMES, TestTools.declared()).streaming();
        parser.accept("<tool");
        assertEquals(List.of(text("<tool")), parser.finish());
        assertEquals(List.of(), parser.finish());
        assertTrue(org.junit.jupiter.api.Assertions.assertThrows(IllegalStateException.class,
                () -> parser.accept("x")).getMessage().contains("finished"));
    }

    static ParseResult streamed(ToolCallParser parser, String text, SplittableRandom random) {
        List<String> chunks = new ArrayList<>();
        int i = 0;
        while (i < text.length()) {
            int size = 1 + random.nextInt(random.nextBoolean() ? 4 : 16);
            chunks.add(text.substring(i, Math.min(text.length(), i + size)));
            i += size;
        }
        return feed(parser, chunks);
    }

    static ParseResult feed(ToolCallParser parser, List<String> chunks) {
        StreamingToolCallParser streaming = parser.streaming();
        List<ToolCallEvent> events = new ArrayList<>();
        for (String chunk : chunks) {
            events.addAll(streaming.accept(chunk));
        }
        events.addAll(streaming.finish());
        return ParseResult.of(events);
    }

    private static ToolCallEvent text(String text) {
        return new ToolCallEvent.TextDelta(text);
    }
}

package dev.gannet.prompts.template;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ChatTemplateTest {
    private static final List<ChatMessage> HELLO = List.of(ChatMessage.user("Hello"));

    @Test
    void strftimeNowReadsTheInjectedClock() {
        ChatTemplate template = ChatTemplate.parse("dated", "{{ strftime_now('%d %b %Y, %A %H:%M') }}");
        Clock leapDay = Clock.fixed(Instant.parse("2024-02-29T23:05:00Z"), ZoneOffset.UTC);
        assertEquals("29 Feb 2024, Thursday 23:05", template.withClock(leapDay).render(HELLO, null, false, "", ""));
        // The clock's zone decides the local date, as datetime.now() does.
        Clock tokyo = Clock.fixed(Instant.parse("2024-02-29T23:05:00Z"), java.time.ZoneId.of("Asia/Tokyo"));
        assertEquals("01 Mar 2024, Friday 08:05", template.withClock(tokyo).render(HELLO, null, false, "", ""));
    }

    @Test
    void aRaisedExceptionCarriesTheTemplatesMessageAndName() {
        ChatTemplate gemmaLike = ChatTemplate.parse("google/gemma-2-2b-it",
                "{% if messages[0]['role'] == 'system' %}{{ raise_exception('System role not supported') }}{% endif %}ok");
        ChatTemplateException e = assertThrows(ChatTemplateException.class, () -> gemmaLike.render(
                List.of(ChatMessage.system("s"), ChatMessage.user("u")), null, true, "<bos>", "<eos>"));
        assertTrue(e.raisedByTemplate());
        assertEquals("System role not supported", e.templateMessage());
        assertEquals("chat template 'google/gemma-2-2b-it' refuses the conversation: System role not supported", e.getMessage());
        assertEquals("google/gemma-2-2b-it", e.templateName());
    }

    @ParameterizedTest
    @CsvSource(delimiterString = "=>", textBlock = """
            {% if %}                            => chat template 'bad' is not valid Jinja (line 1): expected an expression
            {{ messages[0].content.x.y }}       => chat template 'bad' failed (line 1): 'str object' has no attribute 'x'
            a\\n{% for m in messages %}\\n{{ m.content + 1 }}{% endfor %} => chat template 'bad' failed (line 3): can only concatenate str (not "int") to str
            {{ messages|tojson(indent=none) }}{{ undefined_thing() }} => chat template 'bad' failed (line 1): 'undefined_thing' is undefined
            """)
    void failuresNameTheTemplateAndLine(String source, String expected) {
        String unescaped = source.replace("\\n", "\n");
        ChatTemplateException e = assertThrows(ChatTemplateException.class,
                () -> ChatTemplate.parse("bad", unescaped).render(HELLO, null, false, "", ""));
        assertTrue(e.getMessage().startsWith(expected), e.getMessage());
        assertFalse(e.raisedByTemplate());
    }

    @Test
    void noToolsIsNoneForTheTemplate() {
        ChatTemplate template = ChatTemplate.parse("t", "{{ tools is none }} {{ documents is none }} {{ bos_token }}{{ eos_token }} {{ add_generation_prompt }}");
        assertEquals("True True <s></s> True", template.render(HELLO, List.of(), true, "<s>", "</s>"));
        assertEquals("True True <s></s> False", template.render(HELLO, null, false, "<s>", "</s>"));
    }

    @Test
    void extraVariablesReachTheTemplateButMayNotReplaceItsArguments() {
        ChatTemplate template = ChatTemplate.parse("t", "{{ enable_thinking }}|{{ date_string }}");
        assertEquals("False|1 Jan", template.withVariables(Map.of("date_string", "1 Jan"))
                .render(HELLO, null, true, "", "", Map.of("enable_thinking", false)));
        assertEquals("True|2 Feb", template.withVariables(Map.of("date_string", "1 Jan", "enable_thinking", true))
                .render(HELLO, null, true, "", "", Map.of("date_string", "2 Feb")));
        assertThrows(IllegalArgumentException.class, () -> template.render(HELLO, null, true, "", "", Map.of("messages", List.of())));
        assertThrows(IllegalArgumentException.class, () -> template.withVariables(Map.of("bos_token", "x")));
    }

    @ParameterizedTest
    @CsvSource(delimiterString = "=>", textBlock = """
            {% for m in messages %}{% for c in m.tool_calls or [] %}{{ c.function.arguments | tojson }}{% endfor %}{% endfor %} => OBJECT
            {% for m in messages %}{% for c in m.tool_calls or [] %}{{ '<' + c.function.arguments + '>' }}{% endfor %}{% endfor %} => JSON_STRING
            {% for m in messages %}{{ m.role }}{% endfor %}                                                                   => OBJECT
            {{ raise_exception('never') }}                                                                                       => OBJECT
            """)
    void probesHowTheTemplateWantsToolCallArguments(String source, ToolArgumentsStyle expected) {
        ChatTemplate template = ChatTemplate.parse("t", source);
        assertEquals(expected, template.argumentsStyle());
    }

    @Test
    void jsonStringArgumentsAreWrittenAsPythonsJsonDumps() {
        ChatTemplate template = ChatTemplate.parse("t",
                "{% for m in messages %}{% for c in m.tool_calls or [] %}{{ 'args=' + c.function.arguments }}{% endfor %}{% endfor %}");
        Map<String, Object> arguments = new java.util.LinkedHashMap<>();
        arguments.put("city", "São Paulo");
        arguments.put("days", 3);
        arguments.put("ratio", 0.5);
        arguments.put("tags", List.of("a", "b"));
        String rendered = template.render(List.of(ChatMessage.assistant(null, List.of(new ToolCall("1", "f", arguments)))),
                null, false, "", "");
        assertEquals("args={\"city\": \"São Paulo\", \"days\": 3, \"ratio\": 0.5, \"tags\": [\"a\", \"b\"]}", rendered);
    }
}

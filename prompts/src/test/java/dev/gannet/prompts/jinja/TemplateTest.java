package dev.gannet.prompts.jinja;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The interpreter's Java-facing edges: what callers pass in, where failures point, float and JSON text. */
class TemplateTest {
    @Test
    void acceptsJacksonTreesAndPlainJavaValuesAlike() throws Exception {
        Template template = Template.parse("t", "{{ x.n + 1 }} {{ x.f }} {{ x.l|tojson }} {{ x.s is string }} {{ x.z is none }}");
        Map<String, Object> plain = new LinkedHashMap<>();
        plain.put("n", 41);
        plain.put("f", 1.5f);
        plain.put("l", List.of(1, "a", true));
        plain.put("s", new StringBuilder("text"));
        plain.put("z", null);
        String fromJava = template.render(Map.of("x", plain));
        String fromJson = template.render(Map.of("x", new ObjectMapper().readTree(
                "{\"n\": 41, \"f\": 1.5, \"l\": [1, \"a\", true], \"s\": \"text\", \"z\": null}")));
        assertEquals("42 1.5 [1, \"a\", true] True True", fromJava);
        assertEquals(fromJava, fromJson);
    }

    @Test
    void refusesValuesATemplateCannotUse() {
        Template template = Template.parse("t", "{{ x }}");
        assertThrows(IllegalArgumentException.class, () -> template.render(Map.of("x", new Object())));
    }

    @Test
    void failuresPointAtTheInnermostLine() {
        Template template = Template.parse("t", "{% macro m(x) %}\n{{ x.a.b }}\n{% endmacro %}\n\n{{ m({}) }}");
        TemplateRuntimeException e = assertThrows(TemplateRuntimeException.class, () -> template.render(Map.of()));
        assertEquals(2, e.line());
        assertEquals("line 2: 'dict object' has no attribute 'a'", e.describe());
        TemplateSyntaxException syntax = assertThrows(TemplateSyntaxException.class,
                () -> Template.parse("t", "a\nb\n{% for x in %}"));
        assertEquals(3, syntax.line());
    }

    @ParameterizedTest
    @CsvSource({
            "1.0, 1.0", "0.1, 0.1", "1e16, 1e+16", "1e15, 1000000000000000.0", "0.0001, 0.0001", "0.00001, 1e-05",
            "123456789.125, 123456789.125", "-2.5e-7, -2.5e-07", "1.7976931348623157e308, 1.7976931348623157e+308",
            "5e-324, 5e-324", "100.0, 100.0", "0.3333333333333333, 0.3333333333333333"})
    void floatsPrintAsPythonsRepr(double value, String expected) {
        assertEquals(expected, PyFloats.repr(value));
    }

    @Test
    void jsonDumpsOfJavaValuesMatchesPython() {
        Map<String, Object> value = new LinkedHashMap<>();
        value.put("b", 1);
        value.put("a", Arrays.asList(1.25f, null, false, "é\u2028\"", Map.of()));
        assertEquals("{\"b\": 1, \"a\": [1.25, null, false, \"é\u2028\\\"\", {}]}", PyJson.dumps(value, PyJson.Options.HUGGING_FACE));
        assertEquals("{\n  \"a\": [\n    1.25,\n    null,\n    false,\n    \"\\u00e9\\u2028\\\"\",\n    {}\n  ],\n  \"b\": 1\n}",
                PyJson.dumps(value, new PyJson.Options(true, "  ", ",", ": ", true)));
    }
}

package dev.gannet.prompts.jinja;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.time.Clock;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * The interpreter against Python's jinja2, case by case: {@code jinja/cases.json} holds small templates
 * and what jinja2 (configured as Hugging Face configures it) renders for them, or how it fails. It is
 * written by {@code scripts/render_chat_templates.py}.
 */
class JinjaSemanticsTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TestFactory
    Stream<DynamicTest> rendersAsJinja2Does() throws IOException {
        JsonNode table = read("/jinja/cases.json");
        Clock clock = fixedClock(table.get("fixed_now").asText());
        return StreamSupport.stream(table.get("cases").spliterator(), false)
                .map(c -> DynamicTest.dynamicTest(c.get("name").asText(), () -> check(c, clock)));
    }

    private static void check(JsonNode c, Clock clock) {
        String source = c.get("template").asText();
        @SuppressWarnings("unchecked")
        Map<String, Object> variables = JSON.convertValue(c.get("variables"), Map.class);
        if (c.has("output")) {
            String rendered;
            try {
                rendered = Template.parse(c.get("name").asText(), source).render(variables, clock);
            } catch (TemplateException e) {
                throw new AssertionError("jinja2 renders " + c.get("output") + " but we failed: " + e.describe(), e);
            }
            assertEquals(c.get("output").asText(), rendered, source);
            return;
        }
        String kind = c.get("error").asText();
        String message = c.get("message").asText();
        switch (kind) {
            case "syntax" -> assertThrows(TemplateSyntaxException.class, () -> Template.parse("t", source),
                    "jinja2: " + message);
            case "raised" -> {
                TemplateRaisedException e = assertThrows(TemplateRaisedException.class,
                        () -> Template.parse("t", source).render(variables, clock));
                assertEquals(message, e.getMessage());
            }
            case "runtime" -> assertThrows(TemplateRuntimeException.class,
                    () -> Template.parse("t", source).render(variables, clock), "jinja2: " + message);
            default -> fail("unknown error kind " + kind);
        }
    }

    static Clock fixedClock(String localDateTime) {
        return Clock.fixed(LocalDateTime.parse(localDateTime).toInstant(ZoneOffset.UTC), ZoneOffset.UTC);
    }

    static JsonNode read(String resource) throws IOException {
        try (InputStream in = JinjaSemanticsTest.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IOException("missing test resource " + resource + " (run scripts/render_chat_templates.py)");
            }
            return JSON.readTree(in);
        }
    }
}

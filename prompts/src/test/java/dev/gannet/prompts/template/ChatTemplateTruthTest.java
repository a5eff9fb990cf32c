package dev.gannet.prompts.template;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicContainer;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Every chat template in {@code ../shared/fixtures/chat-templates/} and every built-in template, against
 * every conversation of {@code chat-templates/expected/conversations.json}, with and without the
 * generation prompt: the prompt must be byte for byte what Python's jinja2 renders the Hugging Face way
 * (written by {@code scripts/render_chat_templates.py}), and where jinja2 raises we must fail too, with
 * the template's own message when it called {@code raise_exception}.
 */
class ChatTemplateTruthTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    record Conversation(List<ChatMessage> messages, List<ToolDeclaration> tools) {
    }

    @TestFactory
    Stream<DynamicNode> fixtureTemplatesRenderAsJinja2() throws IOException {
        return templates("fixture", name -> Files.readString(sharedTemplates().resolve(name), StandardCharsets.UTF_8));
    }

    @TestFactory
    Stream<DynamicNode> builtinTemplatesRenderAsJinja2() throws IOException {
        return templates("builtin", name -> {
            TemplateFamily family = TemplateFamily.fromResourceName(name);
            return BuiltinTemplates.source(family);
        });
    }

    interface SourceLoader {
        String load(String fileName) throws IOException;
    }

    private Stream<DynamicNode> templates(String kind, SourceLoader loader) throws IOException {
        JsonNode conversationsFile = read("/chat-templates/expected/conversations.json");
        Map<String, Conversation> conversations = conversations(conversationsFile.get("conversations"));
        Clock clock = Clock.fixed(LocalDateTime.parse(conversationsFile.get("fixed_now").asText())
                .toInstant(ZoneOffset.UTC), ZoneOffset.UTC);
        List<Path> expectedFiles;
        try (Stream<Path> files = Files.list(expectedDirectory().resolve(kind))) {
            expectedFiles = files.filter(p -> p.toString().endsWith(".json")).sorted().toList();
        }
        assertTrue(!expectedFiles.isEmpty(), "no expected renderings for " + kind + " templates");
        List<DynamicNode> nodes = new ArrayList<>();
        for (Path file : expectedFiles) {
            JsonNode expected = JSON.readTree(file.toFile());
            String label = expected.get("template").asText();
            String fileName = label.substring(label.indexOf('/') + 1);
            String source = loader.load(fileName);
            @SuppressWarnings("unchecked")
            Map<String, Object> extra = JSON.convertValue(expected.get("extra_variables"), Map.class);
            ChatTemplate template = ChatTemplate.parse(label, source).withClock(clock);
            if (!extra.isEmpty()) {
                template = template.withVariables(extra);
            }
            ChatTemplate chatTemplate = template;
            List<DynamicTest> cases = new ArrayList<>();
            cases.add(DynamicTest.dynamicTest("tool-call arguments as " + expected.get("arguments_style").asText(),
                    () -> assertEquals(expected.get("arguments_style").asText(),
                            chatTemplate.argumentsStyle() == ToolArgumentsStyle.OBJECT ? "object" : "string")));
            for (JsonNode result : expected.get("results")) {
                String conversation = result.get("conversation").asText();
                boolean generation = result.get("add_generation_prompt").asBoolean();
                cases.add(DynamicTest.dynamicTest(conversation + (generation ? " + generation prompt" : ""),
                        () -> check(chatTemplate, conversations.get(conversation), generation, result,
                                expected.get("bos_token").asText(), expected.get("eos_token").asText())));
            }
            nodes.add(DynamicContainer.dynamicContainer(label, cases));
        }
        return nodes.stream();
    }

    private static void check(ChatTemplate template, Conversation conversation, boolean generation, JsonNode result,
                              String bos, String eos) {
        if (result.has("output")) {
            String rendered = template.render(conversation.messages(), conversation.tools(), generation, bos, eos);
            assertEquals(result.get("output").asText(), rendered);
            return;
        }
        ChatTemplateException e = assertThrows(ChatTemplateException.class,
                () -> template.render(conversation.messages(), conversation.tools(), generation, bos, eos),
                "jinja2 fails: " + result.get("message").asText());
        assertTrue(e.getMessage().contains(template.name()), e.getMessage());
        if (result.get("error").asText().equals("raised")) {
            assertTrue(e.raisedByTemplate(), e.getMessage());
            assertEquals(result.get("message").asText(), e.templateMessage());
        } else {
            assertTrue(!e.raisedByTemplate(), e.getMessage());
        }
    }

    static Map<String, Conversation> conversations(JsonNode node) {
        Map<String, Conversation> conversations = new LinkedHashMap<>();
        node.properties().forEach(entry -> conversations.put(entry.getKey(), new Conversation(
                ChatJson.messages(entry.getValue().get("messages")), ChatJson.tools(entry.getValue().get("tools")))));
        return conversations;
    }

    static Path sharedTemplates() {
        String configured = System.getProperty("gannet.shared");
        Path shared = configured != null ? Path.of(configured) : Path.of("..", "..", "shared");
        return shared.resolve("fixtures/chat-templates");
    }

    private static Path expectedDirectory() {
        try {
            return Path.of(ChatTemplateTruthTest.class.getResource("/chat-templates/expected").toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    static JsonNode read(String resource) throws IOException {
        try (InputStream in = ChatTemplateTruthTest.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new UncheckedIOException(new IOException("missing " + resource + " (run scripts/render_chat_templates.py)"));
            }
            return JSON.readTree(in);
        }
    }
}

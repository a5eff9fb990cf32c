package dev.gannet.runtime.backend;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.gannet.prompts.template.ChatMessage;
import dev.gannet.prompts.template.ChatTemplate;
import dev.gannet.prompts.template.ToolCall;
import dev.gannet.prompts.template.ToolDeclaration;
import dev.gannet.runtime.template.ChosenTemplate;
import dev.gannet.runtime.template.TemplateChoice;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Tools reach the model even when its chat template has no place for them (SmolLM2's plain ChatML). */
class ToolsInSystemPromptTest {
    // SmolLM2-135M-Instruct's own template: ChatML, no tools.
    private static final String PLAIN_CHATML = "{% for message in messages %}{% if loop.first and messages[0]['role'] != 'system' %}"
            + "{{ '<|im_start|>system\nYou are a helpful AI assistant named SmolLM, trained by Hugging Face<|im_end|>\n' }}{% endif %}"
            + "{{'<|im_start|>' + message['role'] + '\n' + message['content'] + '<|im_end|>' + '\n'}}{% endfor %}"
            + "{% if add_generation_prompt %}{{ '<|im_start|>assistant\n' }}{% endif %}";

    private static final ToolDeclaration GREP = new ToolDeclaration("grep", "Search files",
            Map.of("type", "object", "properties", Map.of("pattern", Map.of("type", "string")), "required", List.of("pattern")));

    private static Path shared() {
        String configured = System.getProperty("gannet.shared");
        return configured != null ? Path.of(configured) : Path.of("..", "..", "shared");
    }

    @Test
    void aPlainTemplateIsDetectedAndAToolTemplateIsNot() {
        ChosenTemplate plain = new ChosenTemplate(ChatTemplate.parse("smollm2", PLAIN_CHATML), "test", "", "", Optional.empty());
        ChosenTemplate qwen = TemplateChoice.fromFile(shared().resolve("fixtures/chat-templates/Qwen-Qwen2.5-7B-Instruct.jinja"));

        assertFalse(ToolsInSystemPrompt.templateRendersTools(plain));
        assertTrue(ToolsInSystemPrompt.templateRendersTools(qwen));
    }

    @Test
    void toolsAreListedInTheSystemMessageAndCallsWrittenBack() {
        List<ChatMessage> conversation = List.of(ChatMessage.system("Be brief."), ChatMessage.user("Where is main?"),
                ChatMessage.assistant("", List.of(new ToolCall("call_0", "grep", Map.of("pattern", "def main")))),
                ChatMessage.tool("call_0", "app.py:3: def main():"));

        List<ChatMessage> inlined = ToolsInSystemPrompt.inline(conversation, List.of(GREP));

        assertEquals(4, inlined.size());
        String system = inlined.getFirst().content();
        assertTrue(system.startsWith("Be brief.\n\nAvailable tools:\n{\"name\":\"grep\""), system);
        assertTrue(system.contains("\"required\":[\"pattern\"]"), system);
        assertEquals("{\"name\":\"grep\",\"arguments\":{\"pattern\":\"def main\"}}".length(), inlined.get(2).content().length());
        assertTrue(inlined.get(2).content().contains("\"pattern\":\"def main\""), inlined.get(2).content());
        assertTrue(inlined.get(2).toolCalls().isEmpty());
        assertEquals(conversation.get(3), inlined.get(3));
    }

    @Test
    void aConversationWithoutASystemMessageGetsOne() {
        List<ChatMessage> inlined = ToolsInSystemPrompt.inline(List.of(ChatMessage.user("hi")), List.of(GREP));
        assertEquals("system", inlined.getFirst().role());
        assertEquals("user", inlined.get(1).role());
    }
}

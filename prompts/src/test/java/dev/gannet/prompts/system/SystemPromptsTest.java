package dev.gannet.prompts.system;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.gannet.prompts.toolcall.ToolCallFormat;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class SystemPromptsTest {

    @ParameterizedTest
    @EnumSource(ToolCallFormat.class)
    void everyFormatHasAPromptSayingWhenAndWhenNotToUseATool(ToolCallFormat format) {
        String prompt = SystemPrompts.toolUse(format);
        assertTrue(prompt.contains("Use a tool when"), prompt);
        assertTrue(prompt.contains("without a tool"), prompt);
        assertTrue(prompt.contains("files"), prompt);
        assertFalse(prompt.endsWith("\n"));
    }

    @Test
    void familiesThatNeedTheSyntaxAreToldIt() {
        assertTrue(SystemPrompts.toolUse(ToolCallFormat.LLAMA3).contains("{\"name\": \"TOOL_NAME\", \"parameters\""));
        assertTrue(SystemPrompts.toolUse(ToolCallFormat.JSON).contains("{\"name\": \"TOOL_NAME\", \"arguments\""));
        assertFalse(SystemPrompts.toolUse(ToolCallFormat.HERMES).contains("TOOL_NAME"),
                "Hermes templates teach the syntax themselves");
    }

    @Test
    void aMissingResourceIsAPackagingFault() {
        assertThrows(IllegalStateException.class, () -> SystemPrompts.load("nope.md"));
    }
}

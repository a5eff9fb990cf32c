package dev.gannet.prompts.toolcall;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Choosing the format from a chat template's text, and by name. */
class ToolCallFormatTest {

    static Path templates() {
        String configured = System.getProperty("gannet.shared");
        return (configured != null ? Path.of(configured) : Path.of("..", "..", "shared"))
                .resolve("fixtures/chat-templates");
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({
            "NousResearch-Hermes-2-Pro-Llama-3-8B-tool_use.jinja, HERMES",
            "NousResearch-Hermes-3-Llama-3.1-8B-tool_use.jinja, HERMES",
            "Qwen-Qwen2.5-7B-Instruct.jinja, HERMES",
            "meta-llama-Llama-3.1-8B-Instruct.jinja, LLAMA3",
            "meta-llama-Llama-3.2-3B-Instruct.jinja, LLAMA3",
            "meta-llama-Llama-3.3-70B-Instruct.jinja, LLAMA3",
            "mistralai-Mistral-Nemo-Instruct-2407.jinja, MISTRAL",
            "meetkai-functionary-medium-v3.1.jinja, QWEN3_XML",
            "google-gemma-2-2b-it.jinja, AUTO",
            "microsoft-Phi-3.5-mini-instruct.jinja, AUTO"})
    void detectsTheFormatOfRealTemplates(String file, ToolCallFormat expected) throws IOException {
        assertEquals(expected, ToolCallFormat.detect(Files.readString(templates().resolve(file))));
    }

    @ParameterizedTest(name = "{1}")
    @CsvSource(delimiterString = " => ", value = {
            "{{- '<tool_call>\\n<function=' + tool_call.name + '>\\n' }} => QWEN3_XML",
            "{{- '<|tool_call|>' + message.tool_calls | tojson + '<|/tool_call|>' }} => PHI4",
            "{{- '[TOOL_CALLS]' + tool.name + '[ARGS]' }} => MISTRAL",
            "{%- if message.tool_calls %}<tool_call>{%- endif %} => HERMES",
            "{{- '<|python_tag|>' }} => LLAMA3",
            "{{ messages }} => AUTO"})
    void detectsFromMarkers(String template, ToolCallFormat expected) {
        assertEquals(expected, ToolCallFormat.detect(template));
    }

    @Test
    void namesAreTheCommandLineNames() {
        for (ToolCallFormat format : ToolCallFormat.values()) {
            assertEquals(format, ToolCallFormat.named(format.cliName()));
        }
        assertEquals(ToolCallFormat.QWEN3_XML, ToolCallFormat.named("Qwen3-XML"));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> ToolCallFormat.named("xml"));
        assertTrue(e.getMessage().contains("auto, hermes, json, llama3, mistral, qwen3-xml, phi4"), e.getMessage());
    }
}

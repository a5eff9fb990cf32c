package dev.gannet.runtime.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.gannet.prompts.template.ChatJson;
import dev.gannet.prompts.template.ChatTemplate;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code gannet render}: the contract of the chat-template issue, checked in-process. */
class RenderCommandTest {
    private static final String MESSAGES = """
            [{"role": "system", "content": "Be brief."},
             {"role": "user", "content": "Hi ☕"},
             {"role": "assistant", "content": null, "tool_calls": [{"id": "call0001A", "type": "function",
               "function": {"name": "read_file", "arguments": "{\\"path\\": \\"README.md\\"}"}}]},
             {"role": "tool", "tool_call_id": "call0001A", "content": "# Gannet"}]""";
    private static final String TOOLS = """
            {"tools": [{"type": "function", "function": {"name": "read_file", "description": "Read a file.",
              "parameters": {"type": "object", "properties": {"path": {"type": "string"}}, "required": ["path"]}}}]}""";

    @TempDir
    Path temp;
    Path messages;
    Path tools;

    @BeforeEach
    void writeConversation() throws Exception {
        messages = Files.writeString(temp.resolve("messages.json"), MESSAGES, StandardCharsets.UTF_8);
        tools = Files.writeString(temp.resolve("tools.json"), TOOLS, StandardCharsets.UTF_8);
    }

    private static CliContractTest.Result render(String... args) {
        String[] all = new String[args.length + 1];
        all[0] = "render";
        System.arraycopy(args, 0, all, 1, args.length);
        return CliContractTest.run("", all);
    }

    @Test
    void printsATemplateFilesPromptExactlyWithoutATrailingNewline() throws Exception {
        Path template = Files.writeString(temp.resolve("t.jinja"),
                "{{ bos_token }}{% for m in messages %}[{{ m.role }}:{{ m.content }}]{% endfor %}"
                        + "{% if add_generation_prompt %}[assistant:]{% endif %}{{ eos_token }}\n");
        CliContractTest.Result r = render("--template", template.toString(), "--messages", messages.toString());
        assertEquals(0, r.exitCode(), r.err());
        assertEquals("<s>[system:Be brief.][user:Hi ☕][assistant:None][tool:# Gannet][assistant:]</s>", r.out());
        assertEquals("", r.err());

        CliContractTest.Result noPrompt = render("--template", template.toString(), "--messages", messages.toString(),
                "--no-generation-prompt");
        assertEquals("<s>[system:Be brief.][user:Hi ☕][assistant:None][tool:# Gannet]</s>", noPrompt.out());
    }

    @Test
    void rendersARealTemplateWithToolsAsTheLibraryDoes() throws Exception {
        Path qwen = CliContractTest.shared().resolve("fixtures/chat-templates/Qwen-Qwen2.5-7B-Instruct.jinja");
        CliContractTest.Result r = render("--template", qwen.toString(), "--messages", messages.toString(),
                "--tools", tools.toString());
        assertEquals(0, r.exitCode(), r.err());
        String expected = ChatTemplate.parse("qwen", Files.readString(qwen)).render(ChatJson.messages(MESSAGES),
                ChatJson.tools(TOOLS), true, "<s>", "</s>");
        assertEquals(expected, r.out());
        assertTrue(r.out().contains("<tool_call>\n{\"name\": \"read_file\", \"arguments\": {\"path\": \"README.md\"}}\n</tool_call>"),
                r.out());
        assertTrue(r.out().endsWith("<|im_start|>assistant\n"), r.out());
    }

    @Test
    void usesTheModelsOwnTemplateAndSpecialTokens() throws Exception {
        Path phi3 = CliContractTest.shared().resolve("fixtures/tokenizer/ggml-vocab-phi-3.gguf");
        Path chat = Files.writeString(temp.resolve("chat.json"),
                "{\"messages\": [{\"role\": \"user\", \"content\": \"Hi ☕\"}, {\"role\": \"assistant\", \"content\": \"Hello.\"}]}");
        CliContractTest.Result r = render("--model", phi3.toString(), "--messages", chat.toString());
        assertEquals(0, r.exitCode(), r.err());
        // Phi-3's own template (from the GGUF) puts the assistant header after each user turn; <s> is token 1.
        assertEquals("<s><|user|>\nHi ☕<|end|>\n<|assistant|>\nHello.<|end|>\n", r.out());
        assertEquals("", r.err());

        // The same template fails, as jinja2 does, on an assistant turn without content.
        CliContractTest.Result failing = render("--model", phi3.toString(), "--messages", messages.toString());
        assertEquals(1, failing.exitCode());
        assertTrue(failing.err().startsWith("gannet: chat template 'ggml-vocab-phi-3.gguf' failed"), failing.err());
    }

    @Test
    void fallsBackToTheGuessedBuiltInTemplateAndSaysSo() {
        CliContractTest.Result llama = render("--model", CliContractTest.fixture("llama-s7-q8_0.gguf").toString(),
                "--messages", messages.toString(), "--tools", tools.toString());
        assertEquals(0, llama.exitCode(), llama.err());
        assertTrue(llama.out().startsWith("<s>[INST] <<SYS>>\nBe brief."), llama.out());
        assertTrue(llama.err().contains("has no chat template; using the built-in llama2 template (its architecture is llama)"),
                llama.err());

        CliContractTest.Result qwen = render("--model", CliContractTest.fixture("qwen2-s7-q8_0.gguf").toString(),
                "--messages", messages.toString());
        assertEquals(0, qwen.exitCode(), qwen.err());
        assertTrue(qwen.out().startsWith("<|im_start|>system\nBe brief.<|im_end|>\n"), qwen.out());
        assertTrue(qwen.err().contains("built-in chatml template"), qwen.err());
    }

    @Test
    void rendersABuiltInFamilyByName() {
        CliContractTest.Result r = render("--builtin", "gemma", "--messages", messages.toString(), "--no-generation-prompt");
        assertEquals(0, r.exitCode(), r.err());
        assertTrue(r.out().startsWith("<s><start_of_turn>user\nBe brief.\n\nHi ☕<end_of_turn>\n"), r.out());
    }

    @Test
    void failuresAreOneLineAndExitOne() throws Exception {
        Path refusing = Files.writeString(temp.resolve("gemma.jinja"),
                "{% if messages[0]['role'] == 'system' %}{{ raise_exception('System role not supported') }}{% endif %}");
        Path broken = Files.writeString(temp.resolve("broken.jinja"), "{% for m in messages %}");
        Path badJson = Files.writeString(temp.resolve("bad.json"), "[{\"role\": \"user\", \"content\": 3}]");
        String[][] cases = {
                {"--template", refusing.toString(), "--messages", messages.toString()},
                {"--template", broken.toString(), "--messages", messages.toString()},
                {"--builtin", "chatml", "--messages", badJson.toString()},
                {"--builtin", "vicuna", "--messages", messages.toString()},
                {"--builtin", "chatml", "--messages", temp.resolve("missing.json").toString()},
        };
        String[] expected = {
                "gannet: chat template '" + refusing + "' refuses the conversation: System role not supported",
                "gannet: chat template '" + broken + "' is not valid Jinja (line 1): unexpected end of template",
                "gannet: messages[0].content is neither a string, null, nor an array of text parts",
                "gannet: no built-in chat template 'vicuna'; there are: chatml",
                "gannet: " + temp.resolve("missing.json") + ": no such file",
        };
        for (int i = 0; i < cases.length; i++) {
            CliContractTest.Result r = render(cases[i]);
            assertEquals(1, r.exitCode(), String.join(" ", cases[i]));
            assertTrue(r.err().startsWith(expected[i]), r.err());
            assertEquals(1, r.err().lines().count(), r.err());
            assertEquals("", r.out());
        }
    }

    @Test
    void exactlyOneTemplateSourceIsRequired() {
        CliContractTest.Result none = render("--messages", messages.toString());
        assertNotEquals(0, none.exitCode());
        CliContractTest.Result two = render("--builtin", "chatml", "--template", "x.jinja", "--messages", messages.toString());
        assertNotEquals(0, two.exitCode());
    }
}

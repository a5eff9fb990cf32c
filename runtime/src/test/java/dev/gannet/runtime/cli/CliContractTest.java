package dev.gannet.runtime.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The CLI contracts of the engine issue, checked exactly as written, in-process. */
class CliContractTest {
    @TempDir
    Path temp;

    record Result(int exitCode, String out, String err) {
    }

    static Path shared() {
        String configured = System.getProperty("gannet.shared");
        return configured != null ? Path.of(configured) : Path.of("..", "..", "shared");
    }

    static Path fixture(String name) {
        return shared().resolve("fixtures/models").resolve(name);
    }

    static Result run(String stdin, String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        InputStream original = System.in;
        try {
            System.setIn(new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8)));
            int code = GannetCli.run(args, new PrintWriter(out, true), new PrintWriter(err, true));
            return new Result(code, out.toString(), err.toString());
        } finally {
            System.setIn(original);
        }
    }

    @Test
    void versionNamesGannet() {
        Result r = run("", "--version");
        assertEquals(0, r.exitCode());
        assertTrue(r.out().startsWith("gannet "), r.out());
    }

    /** Subcommands are added by name only when they run: each name must be the class's own. */
    @Test
    void builtInNamesAreTheCommandsOwn() {
        for (var command : GannetCli.BUILT_IN) {
            picocli.CommandLine.Command annotation = command.getValue().getAnnotation(picocli.CommandLine.Command.class);
            assertEquals(command.getKey(), annotation.name(), command.getValue().getName());
        }
    }

    @Test
    void helpAndUnknownCommandsSeeEveryCommand() {
        Result help = run("", "--help");
        assertEquals(0, help.exitCode());
        for (var command : GannetCli.BUILT_IN) {
            assertTrue(help.out().contains("  " + command.getKey()), command.getKey() + " missing from\n" + help.out());
        }
        Result helpOne = run("", "help", "generate");
        assertEquals(0, helpOne.exitCode());
        assertTrue(helpOne.out().contains("gannet generate"), helpOne.out());
        Result typo = run("", "generat");
        assertEquals(2, typo.exitCode());
        assertTrue(typo.err().contains("generate"), typo.err());
    }

    @Test
    void inspectReportsWhatTheIssueAsks() {
        Result r = run("", "inspect", fixture("llama-s7-q4_k_m-mix.gguf").toString());
        assertEquals(0, r.exitCode(), r.err());
        String out = r.out();
        assertTrue(out.contains("architecture:  llama"), out);
        assertTrue(out.contains("parameters:"), out);
        assertTrue(out.contains("Q4_K"), out);
        assertTrue(out.contains("Q6_K"), out);
        assertTrue(out.contains("context:       2048"), out);
        assertTrue(out.contains("vocabulary:    512"), out);
        assertTrue(out.contains("chat template: no"), out);
    }

    @Test
    void logitsWritesLittleEndianFloatsPerToken() throws Exception {
        Path out = temp.resolve("logits.f32");
        String tokens = Files.readString(shared().resolve("fixtures/reference/seqA.txt")).trim();
        // The reference was made with an F32 KV cache; Gannet's default is F16, as llama.cpp's.
        Result r = run("", "logits", "--model", fixture("llama-s7-f32.gguf").toString(), "--tokens", tokens,
                "--kv-type", "f32", "--out", out.toString());
        assertEquals(0, r.exitCode(), r.err());
        float[] ours = floats(Files.readAllBytes(out));
        float[] reference = floats(Files.readAllBytes(shared().resolve("fixtures/reference/logits/llama-s7-f32.seqA.f32")));
        assertEquals(reference.length, ours.length);
        for (int i = 0; i < ours.length; i++) {
            assertEquals(reference[i], ours[i], 1e-4, "logit " + i);
        }
    }

    @Test
    void tokenizeReadsStdinExactlyAndBatchReadsJsonLines() {
        Path model = fixture("llama-s7-q8_0.gguf");
        Result plain = run("Hello world", "tokenize", "--model", model.toString());
        assertEquals(0, plain.exitCode(), plain.err());
        String[] ids = plain.out().trim().split(" ");
        assertEquals("1", ids[0], "BOS first");
        Result noBos = run("Hello world", "tokenize", "--model", model.toString(), "--no-bos");
        assertEquals(plain.out().trim().substring(2), noBos.out().trim());
        // A trailing newline in the input is part of the text.
        Result newline = run("Hello world\n", "tokenize", "--model", model.toString(), "--no-bos");
        assertTrue(newline.out().trim().length() > noBos.out().trim().length());

        Result batch = run("\"Hello world\"\n\"a\\nb\"\n", "tokenize", "--model", model.toString(), "--no-bos", "--batch");
        assertEquals(0, batch.exitCode(), batch.err());
        String[] lines = batch.out().trim().split("\n");
        assertEquals(2, lines.length);
        assertEquals("[" + noBos.out().trim().replace(' ', ',') + "]", lines[0]);

        Result bad = run("not json\n", "tokenize", "--model", model.toString(), "--batch");
        assertEquals(1, bad.exitCode());
        assertTrue(bad.err().startsWith("gannet: input line 1 is not valid JSON"), bad.err());
    }

    @Test
    void generateIsRepeatableWithASeedAndReportsSpeed() {
        String model = fixture("llama-s7-q8_0.gguf").toString();
        Result first = run("", "generate", "--model", model, "--prompt", "Hello", "-n", "12", "--seed", "7",
                "--temperature", "0.9");
        Result second = run("", "generate", "--model", model, "--prompt", "Hello", "-n", "12", "--seed", "7",
                "--temperature", "0.9");
        assertEquals(0, first.exitCode(), first.err());
        assertEquals(first.out(), second.out());
        assertTrue(first.err().contains("tok/s"), first.err());
        assertTrue(first.err().contains("prompt: "), first.err());
    }

    @Test
    void malformedModelsGiveOneLineAndExitOne() throws Exception {
        Path truncated = temp.resolve("truncated.gguf");
        byte[] bytes = Files.readAllBytes(fixture("llama-s7-q4_0.gguf"));
        Files.write(truncated, java.util.Arrays.copyOf(bytes, 5000));
        for (String[] args : new String[][] {
                {"inspect", truncated.toString()},
                {"generate", "--model", truncated.toString(), "--prompt", "x"},
                {"logits", "--model", temp.resolve("missing.gguf").toString(), "--tokens", "1 2", "--out", "x"},
                {"inspect", temp.toString()}}) {
            Result r = run("", args);
            assertEquals(1, r.exitCode(), String.join(" ", args));
            assertTrue(r.err().startsWith("gannet: "), r.err());
            assertEquals(1, r.err().lines().count(), r.err());
            assertTrue(!r.err().contains("Exception"), r.err());
        }
    }

    @Test
    void outOfVocabularyTokensAreRefused() {
        Result r = run("", "logits", "--model", fixture("llama-s7-q4_0.gguf").toString(), "--tokens", "1 99999",
                "--out", temp.resolve("x").toString());
        assertEquals(1, r.exitCode());
        assertTrue(r.err().contains("outside the vocabulary"), r.err());
    }

    private static float[] floats(byte[] bytes) {
        float[] values = new float[bytes.length / 4];
        ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN).asFloatBuffer().get(values);
        return values;
    }
}

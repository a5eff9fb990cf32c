package dev.gannet.bench.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.gannet.runtime.cli.GannetCli;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code gannet bench speed} and {@code gannet bench kernels} through the real CLI, on a tiny fixture model. */
class BenchCliTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path temp;

    record Result(int exitCode, String out, String err) {
    }

    static Result run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = GannetCli.run(args, new PrintWriter(out, true), new PrintWriter(err, true));
        return new Result(code, out.toString(), err.toString());
    }

    static String model() {
        String shared = System.getProperty("gannet.shared");
        Path base = shared != null ? Path.of(shared) : Path.of("..", "..", "shared");
        Path model = base.resolve("fixtures/models/llama-s7-q8_0.gguf");
        assertTrue(Files.isRegularFile(model), "fixture missing: " + model + " (set -Dgannet.shared)");
        return model.toString();
    }

    @Test
    void benchIsAddedToTheCliByTheServiceLoader() {
        Result r = run("bench");
        assertEquals(0, r.exitCode(), r.err());
        assertTrue(r.out().contains("speed"), r.out());
        assertTrue(r.out().contains("kernels"), r.out());
        Result top = run("--help");
        assertTrue(top.out().contains("bench"), top.out());
    }

    @Test
    void badSpeedOptionsGiveOneLineNamingTheOption() throws Exception {
        Path shortIds = Files.writeString(temp.resolve("short.txt"), "1 2 3\n");
        Path badIds = Files.writeString(temp.resolve("bad.txt"), "1 2 x\n");
        String model = model();
        List<List<String>> cases = List.of(
                List.of("--runs", "0", "--runs must be at least 1"),
                List.of("--gen-tokens", "0", "--gen-tokens must be at least 1"),
                List.of("--prompt-tokens", "0", "--prompt-tokens must be at least 1"),
                List.of("--warmup", "-1", "--warmup must be at least 0"),
                List.of("--threads", "0", "--threads must be at least 1"),
                List.of("--context", "100", "--context 100 is too small"),
                List.of("--prompt-ids", badIds.toString(), "'x' is not a token id"),
                List.of("--prompt-ids", shortIds.toString(), "--prompt-tokens 512 asks for more tokens"));
        for (List<String> c : cases) {
            Result r = c.get(0).equals("--prompt-ids") && c.get(2).startsWith("--prompt-tokens")
                    ? run("bench", "speed", "-m", model, c.get(0), c.get(1), "--prompt-tokens", "512")
                    : run("bench", "speed", "-m", model, c.get(0), c.get(1));
            assertEquals(1, r.exitCode(), c.toString());
            assertTrue(r.err().startsWith("gannet: "), r.err());
            assertTrue(r.err().contains(c.get(2)), c + " -> " + r.err());
            assertEquals(1, r.err().lines().count(), r.err());
        }
        Result missing = run("bench", "speed", "-m", temp.resolve("none.gguf").toString());
        assertEquals(1, missing.exitCode());
        assertTrue(missing.err().contains("no such file"), missing.err());
        Result outside = run("bench", "speed", "-m", model, "--prompt-ids",
                Files.writeString(temp.resolve("big.txt"), "1 99999").toString(), "--gen-tokens", "1",
                "--warmup", "0", "--runs", "1");
        assertEquals(1, outside.exitCode());
        assertTrue(outside.err().contains("outside the vocabulary"), outside.err());
    }

    @Test
    void jsonReportHasTheDocumentedShape() throws Exception {
        Result r = run("bench", "speed", "-m", model(), "--prompt-tokens", "8", "--gen-tokens", "3", "--warmup", "0",
                "--runs", "2", "--threads", "1", "--json");
        assertEquals(0, r.exitCode(), r.err());
        assertEquals(1, r.out().lines().count(), "one JSON object on one line: " + r.out());
        JsonNode json = JSON.readTree(r.out());
        assertTrue(json.get("model").asText().endsWith("llama-s7-q8_0.gguf"));
        assertTrue(json.get("file_bytes").asLong() > 0);
        assertEquals("llama", json.get("architecture").asText());
        assertTrue(json.get("tensor_types").get("Q8_0").asInt() > 0, json.toString());
        assertTrue(json.get("weight_bytes").asLong() > 0);
        assertEquals(1, json.get("threads").asInt());
        assertEquals(11, json.get("context").asInt());
        assertEquals(8, json.get("prompt_tokens").asInt());
        assertEquals(3, json.get("gen_tokens").asInt());
        assertEquals(0, json.get("warmup").asInt());
        assertEquals(2, json.get("runs").asInt());
        assertTrue(json.get("load_seconds").asDouble() > 0);
        for (String field : List.of("prefill_tok_s", "decode_tok_s", "ttft_seconds")) {
            JsonNode s = json.get(field);
            assertTrue(s.get("min").asDouble() > 0, field);
            assertTrue(s.get("min").asDouble() <= s.get("median").asDouble(), field);
            assertTrue(s.get("median").asDouble() <= s.get("max").asDouble(), field);
        }
        if (Files.exists(Path.of("/proc/self/status"))) {
            assertTrue(json.get("peak_rss_bytes").asLong() > 1 << 20, json.toString());
        }
        assertFalse(json.get("java").asText().isEmpty());
        assertEquals(2, json.get("measurements").size());
        JsonNode run = json.get("measurements").get(0);
        assertTrue(run.get("first_decode_seconds").asDouble() <= run.get("decode_seconds").asDouble());
        assertTrue(run.get("prefill_seconds").asDouble() > 0);
    }

    @Test
    void textReportAndPromptIdsFromAFile() throws Exception {
        Path ids = Files.writeString(temp.resolve("ids.txt"), "1, 20, 30\n40 50\n");
        Result r = run("bench", "speed", "-m", model(), "--prompt-ids", ids.toString(), "--gen-tokens", "2",
                "--warmup", "0", "--runs", "1", "--threads", "1");
        assertEquals(0, r.exitCode(), r.err());
        for (String label : List.of("model:", "load:", "prefill:", "decode:", "TTFT:", "peak RSS:", "tok/s")) {
            assertTrue(r.out().contains(label), label + " in " + r.out());
        }
        assertTrue(r.out().contains("prompt 5 tokens"), r.out());
        assertTrue(r.err().contains("run 1/1"), r.err());
    }

    @Test
    void badKernelOptionsAreRefusedBeforeAnyBenchmarkRuns() {
        Result type = run("bench", "kernels", "--types", "Q4_0,IQ9");
        assertEquals(1, type.exitCode());
        assertTrue(type.err().contains("--types: 'IQ9'"), type.err());
        Result cols = run("bench", "kernels", "--cols", "100");
        assertEquals(1, cols.exitCode());
        assertTrue(cols.err().contains("--cols must be a positive multiple of 256"), cols.err());
        Result threads = run("bench", "kernels", "--threads", "1,0");
        assertEquals(1, threads.exitCode());
        assertTrue(threads.err().contains("--threads must be at least 1"), threads.err());
    }
}

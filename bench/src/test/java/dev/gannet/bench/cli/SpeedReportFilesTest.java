package dev.gannet.bench.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.gannet.bench.speed.RunTiming;
import dev.gannet.bench.speed.SpeedReport;
import dev.gannet.bench.speed.SpeedReportFormat;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code gannet bench speed --out DIR}: report.md in the discrimination table's units, and report.json. */
class SpeedReportFilesTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path temp;

    @Test
    void markdownRowFromKnownTimings() {
        // 512 prompt tokens in 2.0, 1.6 and 2.56 s: 256, 320 and 200 tok/s. 128 tokens decoded in 4.0,
        // 3.2 and 5.12 s: 32, 40 and 25 tok/s. Time to first token: prefill + first step, median 2.1 s.
        SpeedReport report = new SpeedReport(Path.of("models/m.gguf"), List.of(), 100L << 20, "llama", types(),
                90L << 20, 2, 640, "f16", 512, 128, 1, 1.5,
                List.of(new RunTiming(2.0, 0.1, 4.0, 128), new RunTiming(1.6, 0.1, 3.2, 128),
                        new RunTiming(2.56, 0.1, 5.12, 128)), OptionalLong.of(300L << 20), Map.of());
        String table = SpeedReportFormat.markdown(report);
        assertTrue(table.contains("| Model | Types | Threads | Prompt Tokens | Generated Tokens | Disk Size | Memory "
                + "| Load Time | Prefill tok/s | Decode tok/s | Time to First Token | Runs |"), table);
        assertTrue(table.contains("| m.gguf | Q4_1 x210, F32 x61 | 2 | 512 | 128 | 100.0 MiB | 300.0 MiB | 1.50 s "
                + "| 256.0 (200.0–320.0) | 32.0 (25.0–40.0) | 2.10 s | 3 after 1 warm-up |"), table);
    }

    /** Most common first, as SpeedBenchmark orders them (Map.of would not keep an order). */
    private static Map<String, Integer> types() {
        Map<String, Integer> types = new LinkedHashMap<>();
        types.put("Q4_1", 210);
        types.put("F32", 61);
        return types;
    }

    @Test
    void outWritesBothReports() throws Exception {
        Path out = temp.resolve("speed");
        BenchCliTest.Result run = BenchCliTest.run("bench", "speed", "--model", BenchCliTest.model(), "--prompt-tokens", "8",
                "--gen-tokens", "4", "--warmup", "0", "--runs", "1", "--threads", "1", "--out", out.toString());
        assertEquals(0, run.exitCode(), run.err());
        JsonNode json = JSON.readTree(out.resolve("report.json").toFile());
        assertEquals(SpeedReportFormat.SCHEMA, json.get("schema").asText());
        assertEquals(8, json.get("prompt_tokens").asInt());
        double decodeSeconds = json.at("/measurements/0/decode_seconds").asDouble();
        assertEquals(4 / decodeSeconds, json.at("/decode_tok_s/median").asDouble(), 1e-6);
        String markdown = Files.readString(out.resolve("report.md"));
        assertTrue(markdown.startsWith("## Speed: llama-s7-q8_0.gguf"), markdown);
        assertTrue(markdown.contains("| llama-s7-q8_0.gguf | "), markdown);
        assertTrue(run.out().contains("decode:"), "stdout keeps the text report: " + run.out());
    }

    /** --profile: the decode passes' steps, in text and JSON, adding up to no more than the decode time. */
    @Test
    void profilePrintsWhereADecodeStepGoes() throws Exception {
        BenchCliTest.Result text = BenchCliTest.run("bench", "speed", "--model", BenchCliTest.model(), "--prompt-tokens", "8",
                "--gen-tokens", "4", "--warmup", "0", "--runs", "1", "--threads", "1", "--profile");
        assertEquals(0, text.exitCode(), text.err());
        assertTrue(text.out().contains("decode step by step (ms per token, share of the pass):"), text.out());
        for (String step : new String[] {"qkv", "rope_kv", "attention", "attn_output", "ffn_gate_up", "ffn_down", "output", "other"}) {
            assertTrue(text.out().contains("  " + step + " "), step + " missing from\n" + text.out());
        }
        BenchCliTest.Result json = BenchCliTest.run("bench", "speed", "--model", BenchCliTest.model(), "--prompt-tokens", "8",
                "--gen-tokens", "4", "--warmup", "0", "--runs", "1", "--threads", "1", "--profile", "--json");
        assertEquals(0, json.exitCode(), json.err());
        JsonNode report = JSON.readTree(json.out());
        JsonNode profile = report.get("decode_profile_ms_per_token");
        double sum = 0;
        for (var step : (Iterable<java.util.Map.Entry<String, JsonNode>>) profile::fields) {
            sum += step.getValue().asDouble();
        }
        double decodeMsPerToken = report.at("/measurements/0/decode_seconds").asDouble() * 1e3 / 4;
        assertTrue(sum > 0 && sum <= decodeMsPerToken * 1.001, "steps " + sum + " ms against " + decodeMsPerToken + " ms per token");
        BenchCliTest.Result plain = BenchCliTest.run("bench", "speed", "--model", BenchCliTest.model(), "--prompt-tokens", "8",
                "--gen-tokens", "4", "--warmup", "0", "--runs", "1", "--threads", "1", "--json");
        assertTrue(JSON.readTree(plain.out()).get("decode_profile_ms_per_token") == null, plain.out());
    }
}

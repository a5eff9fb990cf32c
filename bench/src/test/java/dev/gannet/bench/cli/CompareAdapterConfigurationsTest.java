package dev.gannet.bench.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.gannet.bench.discrimination.AdapterSpec;
import dev.gannet.kernels.gguf.GgufFile;
import dev.gannet.kernels.gguf.GgufReader;
import dev.gannet.kernels.lora.LoraAdapterWriter;
import dev.gannet.kernels.lora.RandomLoraAdapter;
import dev.gannet.kernels.tensor.GgmlType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The seeds' comparison in small: a base model and the same model with a LoRA adapter, side by side
 * in one discrimination table, on a tiny fixture model (what it answers is noise; what is checked is
 * that each row runs what it names and reports its size, speed and adapters).
 */
class CompareAdapterConfigurationsTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path temp;
    private Path adapter;
    private Path cases;
    private final String base = BenchCliTest.model();

    @BeforeEach
    void writeAdapterAndCase() throws Exception {
        adapter = temp.resolve("r4.lora.gguf");
        try (GgufFile file = GgufReader.open(Path.of(base))) {
            LoraAdapterWriter.write(RandomLoraAdapter.forModel(file, List.of("blk.0.attn_q.weight", "blk.1.ffn_up.weight"),
                    4, 4f, 0.05f, 7), GgmlType.F16, adapter);
        }
        cases = Files.writeString(temp.resolve("one.jsonl"),
                "{\"id\": \"a\", \"category\": \"concept\", \"prompt\": \"What is a closure?\", \"expected\": \"direct\", \"tools\": []}\n");
    }

    @Test
    void baseAndAdapterRunSideBySide() throws Exception {
        Path out = temp.resolve("out");
        BenchCliTest.Result run = BenchCliTest.run("bench", "discrimination", "--suite", cases.toString(),
                "--model", base, "--model", base, "--lora", adapter + ":0.5", "--max-tokens", "4",
                "--out", out.toString());
        assertEquals(0, run.exitCode(), run.err());
        JsonNode rows = JSON.readTree(out.resolve("report.json").toFile()).get("configurations");
        assertEquals(2, rows.size());
        String name = Path.of(base).getFileName().toString();
        long baseBytes = Files.size(Path.of(base));

        JsonNode plain = rows.get(0);
        assertEquals(name + " · prompt=default, constrained=on", plain.get("label").asText());
        assertEquals(0, plain.get("adapters").size());
        assertEquals(baseBytes, plain.get("disk_bytes").asLong());

        JsonNode adapted = rows.get(1);
        assertEquals(name + " + r4.lora.gguf×0.5 · prompt=default, constrained=on", adapted.get("label").asText());
        assertEquals(name, adapted.get("model").asText());
        assertEquals(adapter.toString(), adapted.at("/adapters/0/file").asText());
        assertEquals(0.5, adapted.at("/adapters/0/scale").asDouble());
        assertEquals(baseBytes + Files.size(adapter), adapted.get("disk_bytes").asLong()); // base + adapter on disk

        for (JsonNode row : rows) {
            JsonNode metrics = row.get("metrics");
            long generated = metrics.get("generated_tokens").asLong();
            assertTrue(generated >= 1 && generated <= 4, metrics.toString());
            assertEquals(generated / metrics.get("generation_seconds").asDouble(), metrics.get("decode_tok_s").asDouble(), 1e-6);
            assertTrue(metrics.get("prompt_tokens").asLong() > 0, metrics.toString());
            assertTrue(metrics.get("prefill_tok_s").asDouble() > 0, metrics.toString());
        }
        assertTrue(run.out().contains("| " + name + " + r4.lora.gguf×0.5 · prompt=default, constrained=on |"), run.out());
        // Each row caches apart: the adapter is part of what a cached result depends on.
        try (var files = Files.list(out.resolve("cache"))) {
            assertEquals(4, files.count()); // a .jsonl and a .facts.json per row
        }
    }

    @Test
    void speedOfTheModelWithAnAdapter() throws Exception {
        Path out = temp.resolve("speed");
        BenchCliTest.Result run = BenchCliTest.run("bench", "speed", "-m", base, "--lora", adapter + ":0.5",
                "--prompt-tokens", "6", "--gen-tokens", "2", "--warmup", "0", "--runs", "1", "--threads", "1",
                "--json", "--out", out.toString());
        assertEquals(0, run.exitCode(), run.err());
        JsonNode json = JSON.readTree(run.out());
        assertEquals(1, json.get("adapters").size());
        assertEquals(adapter.toString(), json.get("adapters").get(0).get("file").asText());
        assertEquals(0.5, json.get("adapters").get(0).get("scale").asDouble());
        assertEquals(Files.size(Path.of(base)) + Files.size(adapter), json.get("file_bytes").asLong());
        String row = Files.readString(out.resolve("report.md"));
        assertTrue(row.contains("| " + Path.of(base).getFileName() + " + r4.lora.gguf×0.5 |"), row);

        // The adapter is really attached: a file that is not one fails the run with one line.
        BenchCliTest.Result wrong = BenchCliTest.run("bench", "speed", "-m", base, "--lora", base, "--runs", "1");
        assertEquals(1, wrong.exitCode());
        assertEquals(1, wrong.err().strip().lines().count(), wrong.err());
        assertTrue(wrong.err().contains("not an adapter"), wrong.err());
        BenchCliTest.Result missing = BenchCliTest.run("bench", "speed", "-m", base, "--lora", temp.resolve("no.gguf").toString());
        assertTrue(missing.err().contains("--lora " + temp.resolve("no.gguf") + ": no such file"), missing.err());
    }

    @Test
    void misusedAdaptersAreOneLine() {
        assertOneLine("must follow the --model it applies to",
                "--lora", adapter.toString(), "--model", base);
        assertOneLine("must follow the --model it applies to, not --server http://127.0.0.1:9",
                "--server", "http://127.0.0.1:9", "--lora", adapter.toString());
        assertOneLine("--lora applies to a GGUF --model, not to script:",
                "--model", "script:" + cases, "--lora", adapter.toString());
        assertOneLine("--lora " + temp.resolve("missing.gguf") + ": no such file",
                "--model", base, "--lora", temp.resolve("missing.gguf").toString());
        assertOneLine("'1.5.' is not a scale", "--model", base, "--lora", adapter + ":1.5.");
        // What follows the colon is no number, so it is read as part of the file name.
        assertOneLine("--lora " + adapter + ":half: no such file", "--model", base, "--lora", adapter + ":half");
        assertOneLine("not an adapter", "--model", base, "--lora", base);
        // A --model that is no file is a model reference, resolved as everywhere else.
        assertOneLine("unknown model 'no-such-model'", "--model", "no-such-model");
        assertOneLine(temp.resolve("gone.gguf") + ": no such file", "--model", temp.resolve("gone.gguf").toString());
    }

    @Test
    void scaleFollowsTheLastColon() {
        assertEquals(new AdapterSpec(Path.of("a.gguf"), 1f), AdapterSpec.parse("a.gguf"));
        assertEquals(new AdapterSpec(Path.of("a.gguf"), -0.25f), AdapterSpec.parse("a.gguf:-0.25"));
        assertEquals(new AdapterSpec(Path.of("dir:x/a.gguf"), 2f), AdapterSpec.parse("dir:x/a.gguf:2"));
        assertEquals(new AdapterSpec(Path.of("dir:x/a.gguf"), 1f), AdapterSpec.parse("dir:x/a.gguf"));
        assertThrows(IllegalArgumentException.class, () -> AdapterSpec.parse("a.gguf:NaN"));
        assertEquals("a.gguf×0.5", AdapterSpec.parse("some/dir/a.gguf:0.5").label());
    }

    private void assertOneLine(String expected, String... backendArguments) {
        List<String> args = new java.util.ArrayList<>(List.of("bench", "discrimination", "--suite", cases.toString(),
                "--out", temp.resolve("unused").toString()));
        args.addAll(List.of(backendArguments));
        BenchCliTest.Result run = BenchCliTest.run(args.toArray(String[]::new));
        assertEquals(1, run.exitCode(), run.err());
        assertEquals(1, run.err().strip().lines().count(), run.err());
        assertTrue(run.err().contains(expected), run.err());
    }
}

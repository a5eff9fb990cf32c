package dev.gannet.bench.cli;

import dev.gannet.bench.discrimination.AdapterSpec;
import dev.gannet.bench.speed.PromptTokens;
import dev.gannet.bench.speed.SpeedBenchmark;
import dev.gannet.bench.speed.SpeedReport;
import dev.gannet.bench.speed.SpeedReportFiles;
import dev.gannet.bench.speed.SpeedReportFormat;
import dev.gannet.kernels.model.KvCacheType;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code gannet bench speed}: prefill and decode tokens per second, time to first token, load time
 * and peak RSS of one model, measured in-process. Progress goes to stderr, the report to stdout.
 */
@Command(name = "speed", mixinStandardHelpOptions = true,
        description = {"Measure prefill and decode speed (tok/s), time to first token, load time and peak RSS.",
                "Each run evaluates the prompt in one batched call, then decodes greedily one token at a time; "
                        + "the median and range over the measured runs are reported."})
final class SpeedCommand implements Callable<Integer> {
    static final int DEFAULT_PROMPT_TOKENS = 512;

    @Option(names = {"-m", "--model"}, required = true, paramLabel = "MODEL",
            description = "a GGUF file, an installed model or alias, a catalog name (pulled on first use) or hf:OWNER/REPO/FILE.gguf")
    String model;

    @Option(names = "--lora", paramLabel = "FILE[:SCALE]",
            description = "a LoRA adapter (llama.cpp GGUF) applied at run time, scale default 1; repeatable")
    List<String> loras = new ArrayList<>();

    @Option(names = "--prompt-tokens", paramLabel = "N",
            description = "prompt length (default: " + DEFAULT_PROMPT_TOKENS + ", or all the ids of --prompt-ids)")
    Integer promptTokens;

    @Option(names = "--prompt-ids", paramLabel = "FILE",
            description = "token ids to use as the prompt (separated by spaces, commas or lines); "
                    + "default: a fixed English text in the model's own tokenization")
    Path promptIds;

    @Option(names = "--gen-tokens", defaultValue = "128", paramLabel = "N",
            description = "greedy decode steps per run (default: ${DEFAULT-VALUE})")
    int genTokens;

    @Option(names = {"-t", "--threads"}, paramLabel = "N", description = "compute threads (default: one per core)")
    Integer threads;

    @Option(names = "--warmup", defaultValue = "1", paramLabel = "N",
            description = "unmeasured runs first (default: ${DEFAULT-VALUE})")
    int warmUps;

    @Option(names = "--runs", defaultValue = "3", paramLabel = "N",
            description = "measured runs (default: ${DEFAULT-VALUE})")
    int runs;

    @Option(names = {"-c", "--context"}, paramLabel = "N",
            description = "KV cache positions (default: prompt + generated tokens)")
    Integer context;

    @Option(names = "--kv-type", defaultValue = "f16", paramLabel = "TYPE",
            description = "how the KV cache stores keys and values: f16 (as llama.cpp by default) or f32 (default: ${DEFAULT-VALUE})")
    String kvType;

    @Option(names = "--profile",
            description = "also time each step of the measured decode passes (projections, attention, ...) and print where a token's time goes")
    boolean profile;

    @Option(names = "--json", description = "print one JSON object instead of text")
    boolean json;

    @Option(names = "--out", paramLabel = "DIR",
            description = "also write report.md (a table in the discrimination report's units) and report.json here")
    Path out;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws IOException {
        SpeedBenchmark.Settings settings = settings();
        PrintWriter err = spec.commandLine().getErr();
        SpeedReport report = SpeedBenchmark.run(settings, (warmUp, index, count) -> {
            err.printf("gannet bench speed: %s %d/%d%n", warmUp ? "warm-up" : "run", index + 1, count);
            err.flush();
        });
        if (out != null) {
            SpeedReportFiles.write(report, out);
        }
        PrintWriter stdout = spec.commandLine().getOut();
        stdout.print(json ? SpeedReportFormat.jsonLine(report) + System.lineSeparator() : SpeedReportFormat.text(report));
        stdout.flush();
        return 0;
    }

    /** The options checked and resolved; every failure names the option. */
    SpeedBenchmark.Settings settings() throws IOException {
        int threadCount = threads != null ? threads : Runtime.getRuntime().availableProcessors();
        atLeast("--threads", threadCount, 1);
        atLeast("--gen-tokens", genTokens, 1);
        atLeast("--warmup", warmUps, 0);
        atLeast("--runs", runs, 1);
        if (promptTokens != null) {
            atLeast("--prompt-tokens", promptTokens, 1);
        }
        int[] ids = null;
        int length = promptTokens != null ? promptTokens : DEFAULT_PROMPT_TOKENS;
        if (promptIds != null) {
            ids = PromptTokens.read(promptIds);
            if (promptTokens == null) {
                length = ids.length;
            } else if (ids.length < promptTokens) {
                throw new IllegalArgumentException("--prompt-tokens " + promptTokens + " asks for more tokens than "
                        + promptIds + " holds (" + ids.length + ")");
            }
        }
        int needed = length + genTokens;
        int positions = context != null ? context : needed;
        if (positions < needed) {
            throw new IllegalArgumentException("--context " + positions + " is too small for " + length
                    + " prompt tokens and " + genTokens + " generated ones (" + needed + ")");
        }
        List<AdapterSpec> adapters = new ArrayList<>();
        for (String lora : loras) {
            AdapterSpec adapter = AdapterSpec.parse(lora);
            if (!Files.isRegularFile(adapter.file())) {
                throw new IllegalArgumentException("--lora " + adapter.file() + ": no such file");
            }
            adapters.add(adapter);
        }
        return new SpeedBenchmark.Settings(Path.of(ModelArguments.localModel(model)), threadCount, length, ids, genTokens, positions,
                KvCacheType.parse(kvType), warmUps, runs,
                adapters, profile);
    }

    private static void atLeast(String option, int value, int least) {
        if (value < least) {
            throw new IllegalArgumentException(option + " must be at least " + least + ", not " + value);
        }
    }
}

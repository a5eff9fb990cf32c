package dev.gannet.bench.cli;

import dev.gannet.bench.discrimination.AdapterSpec;
import dev.gannet.bench.discrimination.BackendSource;
import dev.gannet.bench.discrimination.BackendSources;
import dev.gannet.bench.discrimination.BenchCase;
import dev.gannet.bench.discrimination.CaseSample;
import dev.gannet.bench.discrimination.DiscriminationBenchmark;
import dev.gannet.bench.discrimination.DiscriminationReport;
import dev.gannet.bench.discrimination.RunConfiguration;
import dev.gannet.bench.discrimination.report.MarkdownReport;
import dev.gannet.bench.discrimination.report.ReportFiles;
import dev.gannet.bench.discrimination.suite.Suites;
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
 * {@code gannet bench discrimination}: does a model call a tool when it must and answer directly when
 * it should? Runs a suite on every model × configuration × seed; the Markdown table goes to stdout,
 * the progress bar to stderr, and report.md, report.json, report.html and the per-case cache to --out.
 */
@Command(name = "discrimination", mixinStandardHelpOptions = true,
        description = {"Tool-vs-direct discrimination: accuracy, tool precision and recall, right tool, argument "
                + "accuracy, latency, tokens, load time, memory and size, per model and configuration.",
                "Suites: seed, repo, bfcl-irrelevance, bfcl-live-irrelevance, bfcl-live-relevance, bfcl-simple, "
                        + "bfcl-live-simple, bfcl-multiple, when2call, or a JSONL case file (docs/bench.md)."})
final class DiscriminationCommand implements Callable<Integer> {
    @Option(names = "--suite", required = true, paramLabel = "NAME|FILE", description = "the suite, or a case file")
    String suite;

    /**
     * --model, --lora and --server as given, in order: each --lora belongs to the --model before it,
     * which only the order tells. They are resolved in {@link #settings()}, where a misplaced --lora is
     * one line like any other bad input (picocli would add its usage text to an error thrown here).
     */
    private final List<BackendArgument> backendArguments = new ArrayList<>();

    /**
     * Picocli hands a repeatable option's setter the values so far each time one is added (and an
     * empty list when it sets up the command): the last value is the new one.
     */
    private void added(String option, List<String> valuesSoFar) {
        if (!valuesSoFar.isEmpty()) {
            backendArguments.add(new BackendArgument(option, valuesSoFar.getLast()));
        }
    }

    @Option(names = {"-m", "--model"}, paramLabel = "MODEL",
            description = "a GGUF file, an installed model or alias, a catalog name (pulled on first use), hf:OWNER/REPO/FILE.gguf, or script:FILE (canned completions, for tests); repeatable")
    void model(List<String> models) {
        added("--model", models);
    }

    @Option(names = "--lora", paramLabel = "FILE[:SCALE]",
            description = "a LoRA adapter applied at run time to the --model given before it (scale default 1); "
                    + "repeatable; several on one model add up")
    void lora(List<String> adapters) {
        added("--lora", adapters);
    }

    @Option(names = "--server", paramLabel = "URL", description = "an OpenAI-compatible server, URL or URL#MODEL; repeatable")
    void server(List<String> urls) {
        added("--server", urls);
    }

    @Option(names = "--config", paramLabel = "SPEC",
            description = "prompt=default|none|FILE,constrained=on|off; repeatable (default: prompt=default,constrained=on)")
    List<String> configs = new ArrayList<>();

    @Option(names = "--seed", paramLabel = "S",
            description = "sample with this seed (a row per seed); repeatable; without it decoding is greedy")
    List<Long> seeds = new ArrayList<>();

    @Option(names = "--temperature", paramLabel = "T", description = "sampling temperature (default: 0 without --seed, 0.8 with)")
    Float temperature;

    @Option(names = "--limit", paramLabel = "N", description = "run only N cases, spread evenly over the suite so every category is met")
    Integer limit;

    @Option(names = "--max-tokens", defaultValue = "512", paramLabel = "N",
            description = "tokens per model turn (default: ${DEFAULT-VALUE})")
    int maxTokens;

    @Option(names = "--max-steps", defaultValue = "6", paramLabel = "N",
            description = "model turns per repository-grounded case (default: ${DEFAULT-VALUE})")
    int maxSteps;

    @Option(names = "--out", defaultValue = "bench-out/discrimination", paramLabel = "DIR",
            description = "reports and the per-case cache (default: ${DEFAULT-VALUE})")
    Path out;

    @Option(names = "--datasets", paramLabel = "DIR",
            description = "the folder holding bfcl/ and when2call/ (default: shared/datasets beside the checkout)")
    Path datasets;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws IOException {
        DiscriminationBenchmark.Settings settings = settings();
        DiscriminationReport report = DiscriminationBenchmark.run(settings, spec.commandLine().getErr());
        ReportFiles.write(report, out);
        PrintWriter stdout = spec.commandLine().getOut();
        stdout.print(MarkdownReport.render(report));
        stdout.flush();
        return 0;
    }

    DiscriminationBenchmark.Settings settings() {
        if (maxTokens < 1 || maxSteps < 1) {
            throw new IllegalArgumentException("--max-tokens and --max-steps must be at least 1");
        }
        if (backendArguments.isEmpty()) {
            throw new IllegalArgumentException("give at least one --model or --server");
        }
        List<BenchCase> cases = Suites.load(suite, Suites.datasets(datasets));
        if (limit != null) {
            cases = CaseSample.spread(cases, limit);
        }
        List<BackendSource> sources = sources(backendArguments);
        List<RunConfiguration> configurations = configs.isEmpty() ? List.of(RunConfiguration.DEFAULT)
                : configs.stream().map(RunConfiguration::parse).toList();
        String suiteName = Suites.names().contains(suite) ? suite : Path.of(suite).getFileName().toString();
        return new DiscriminationBenchmark.Settings(suiteName, cases, sources, configurations, seeds, temperature,
                maxTokens, maxSteps, out);
    }

    /** One --model, --lora or --server option and its value. */
    record BackendArgument(String option, String value) {
    }

    /** The backends in the order given, each --model with the --lora options that follow it. */
    static List<BackendSource> sources(List<BackendArgument> arguments) {
        List<BackendSource> sources = new ArrayList<>();
        for (int i = 0; i < arguments.size(); i++) {
            String option = arguments.get(i).option();
            String value = arguments.get(i).value();
            switch (option) {
                case "--server" -> sources.add(BackendSources.server(value));
                case "--model" -> {
                    List<AdapterSpec> adapters = new ArrayList<>();
                    while (i + 1 < arguments.size() && arguments.get(i + 1).option().equals("--lora")) {
                        adapters.add(AdapterSpec.parse(arguments.get(++i).value()));
                    }
                    sources.add(BackendSources.model(ModelArguments.localModel(value), adapters));
                }
                default -> throw new IllegalArgumentException("--lora " + value + " must follow the --model it applies to"
                        + (i == 0 ? "" : ", not " + arguments.get(i - 1).option() + " " + arguments.get(i - 1).value())
                        + " (e.g. --model base.gguf --lora a.lora.gguf:0.5)");
            }
        }
        return sources;
    }
}

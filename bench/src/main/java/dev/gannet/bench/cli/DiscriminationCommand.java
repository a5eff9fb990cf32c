package dev.gannet.bench.cli;

import dev.gannet.bench.discrimination.BackendSource;
import dev.gannet.bench.discrimination.BackendSources;
import dev.gannet.bench.discrimination.BenchCase;
import dev.gannet.bench.discrimination.DiscriminationBenchmark;
import dev.gannet.bench.discrimination.DiscriminationReport;
import dev.gannet.bench.discrimination.RunConfiguration;
import dev.gannet.bench.discrimination.report.MarkdownReport;
import dev.gannet.bench.discrimination.report.ReportFiles;
import dev.gannet.bench.discrimination.suite.Suites;
import java.io.IOException;
import java.io.PrintWriter;
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

    @Option(names = {"-m", "--model"}, paramLabel = "MODEL",
            description = "a GGUF file, or script:FILE (canned completions, for tests); repeatable")
    List<String> models = new ArrayList<>();

    @Option(names = "--server", paramLabel = "URL", description = "an OpenAI-compatible server, URL or URL#MODEL; repeatable")
    List<String> servers = new ArrayList<>();

    @Option(names = "--config", paramLabel = "SPEC",
            description = "prompt=default|none|FILE,constrained=on|off; repeatable (default: prompt=default,constrained=on)")
    List<String> configs = new ArrayList<>();

    @Option(names = "--seed", paramLabel = "S",
            description = "sample with this seed (a row per seed); repeatable; without it decoding is greedy")
    List<Long> seeds = new ArrayList<>();

    @Option(names = "--temperature", paramLabel = "T", description = "sampling temperature (default: 0 without --seed, 0.8 with)")
    Float temperature;

    @Option(names = "--limit", paramLabel = "N", description = "run only the first N cases")
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
        if (limit != null && limit < 1) {
            throw new IllegalArgumentException("--limit must be at least 1, not " + limit);
        }
        if (maxTokens < 1 || maxSteps < 1) {
            throw new IllegalArgumentException("--max-tokens and --max-steps must be at least 1");
        }
        if (models.isEmpty() && servers.isEmpty()) {
            throw new IllegalArgumentException("give at least one --model or --server");
        }
        List<BenchCase> cases = Suites.load(suite, Suites.datasets(datasets));
        if (limit != null && limit < cases.size()) {
            cases = cases.subList(0, limit);
        }
        List<BackendSource> sources = new ArrayList<>();
        models.forEach(m -> sources.add(BackendSources.model(m)));
        servers.forEach(s -> sources.add(BackendSources.server(s)));
        List<RunConfiguration> configurations = configs.isEmpty() ? List.of(RunConfiguration.DEFAULT)
                : configs.stream().map(RunConfiguration::parse).toList();
        String suiteName = Suites.names().contains(suite) ? suite : Path.of(suite).getFileName().toString();
        return new DiscriminationBenchmark.Settings(suiteName, cases, sources, configurations, seeds, temperature,
                maxTokens, maxSteps, out);
    }
}

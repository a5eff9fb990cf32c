package dev.gannet.bench.discrimination;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.gannet.bench.speed.ProcessMemory;
import dev.gannet.kernels.engine.SamplingParameters;
import dev.gannet.runtime.backend.BackendException;
import dev.gannet.runtime.backend.ModelBackend;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Runs a suite on every model × configuration × seed, case by case, resuming from the per-case
 * cache in the output folder, and gathers the rows of the report.
 */
public final class DiscriminationBenchmark {
    private static final ObjectMapper JSON = new ObjectMapper();

    /**
     * @param suite          the suite's name (for the report and the cache key)
     * @param cases          the cases to run (already cut to --limit)
     * @param sources        the models
     * @param configurations the configurations, each run on every model
     * @param seeds          sampling seeds, each a row of its own; empty for greedy decoding
     * @param temperature    the sampling temperature with seeds (null: 0.8, llama.cpp's default)
     * @param maxTokens      tokens per model turn
     * @param maxSteps       model turns per repository-grounded case
     * @param out            the output folder (its {@code cache/} holds the per-case results)
     */
    public record Settings(String suite, List<BenchCase> cases, List<BackendSource> sources,
                           List<RunConfiguration> configurations, List<Long> seeds, Float temperature,
                           int maxTokens, int maxSteps, Path out) {
        public Settings {
            cases = List.copyOf(cases);
            sources = List.copyOf(sources);
            configurations = List.copyOf(configurations);
            seeds = List.copyOf(seeds);
            Objects.requireNonNull(out, "out");
            if (sources.isEmpty()) {
                throw new IllegalArgumentException("give at least one --model or --server");
            }
        }
    }

    private DiscriminationBenchmark() {
    }

    public static DiscriminationReport run(Settings settings, PrintWriter progress) {
        List<ConfigurationResult> results = new ArrayList<>();
        List<Long> seeds = settings.seeds().isEmpty() ? java.util.Collections.singletonList(null) : settings.seeds();
        for (BackendSource source : settings.sources()) {
            for (RunConfiguration configuration : settings.configurations()) {
                for (Long seed : seeds) {
                    results.add(runOne(settings, source, configuration, seed, progress));
                }
            }
        }
        return new DiscriminationReport(settings.suite(), settings.cases(), results);
    }

    private static ConfigurationResult runOne(Settings settings, BackendSource source, RunConfiguration configuration,
                                              Long seed, PrintWriter progress) {
        String label = source.label() + " · " + configuration.label() + (seed == null ? "" : " · seed " + seed);
        SamplingParameters sampling = sampling(seed, settings.temperature());
        String key = cacheKey(settings, source, configuration, seed);
        Path cacheDir = settings.out().resolve("cache");
        Path factsFile = cacheDir.resolve(key + ".facts.json");
        RunFacts facts = readFacts(factsFile, source);
        ModelBackend backend = null;
        try (ResultCache cache = new ResultCache(cacheDir.resolve(key + ".jsonl"));
             CaseRunner runner = new CaseRunner(configuration, sampling, settings.maxTokens(), settings.maxSteps())) {
            Map<String, Observation> done = new LinkedHashMap<>(cache.done());
            ProgressBar bar = new ProgressBar(progress, label, settings.cases().size(), ProgressBar.stderrIsTerminal());
            int count = 0;
            for (BenchCase benchCase : settings.cases()) {
                bar.show(count, benchCase.id());
                if (!done.containsKey(benchCase.id())) {
                    if (backend == null) {
                        // Each row's memory is its own peak, not the highest of the rows before it.
                        ProcessMemory.resetPeak();
                        long start = System.nanoTime();
                        backend = open(source);
                        facts = new RunFacts((System.nanoTime() - start) / 1e9, facts.peakRssBytes(), source.diskBytes());
                    }
                    Observation observation = runner.run(benchCase, backend);
                    cache.put(observation);
                    done.put(benchCase.id(), observation);
                }
                count++;
            }
            bar.show(count, "");
            bar.finish();
            if (backend != null && source.local()) {
                facts = new RunFacts(facts.loadSeconds(), ProcessMemory.peakResidentBytes().isPresent()
                        ? ProcessMemory.peakResidentBytes().getAsLong() : null, facts.diskBytes());
            }
            writeFacts(factsFile, facts);
            Map<String, Observation> ours = new LinkedHashMap<>();
            settings.cases().forEach(c -> ours.put(c.id(), done.get(c.id())));
            return new ConfigurationResult(label, source.name(), source.adapters(), configuration, seed, facts,
                    Scorecard.of(settings.cases(), ours), ours);
        } finally {
            if (backend != null) {
                backend.close();
            }
        }
    }

    private static ModelBackend open(BackendSource source) {
        try {
            return source.opener().get();
        } catch (BackendException e) {
            throw new IllegalArgumentException("cannot open " + source.name() + ": " + e.getMessage(), e);
        }
    }

    static SamplingParameters sampling(Long seed, Float temperature) {
        if (seed == null) {
            return temperature == null ? SamplingParameters.greedy() : SamplingParameters.greedy().withTemperature(temperature);
        }
        SamplingParameters parameters = SamplingParameters.defaults(seed);
        return temperature == null ? parameters : parameters.withTemperature(temperature);
    }

    /** Readable and unique: what a cached result depends on, hashed, after a readable prefix. */
    static String cacheKey(Settings settings, BackendSource source, RunConfiguration configuration, Long seed) {
        // Adapters join the identity only when there are some, so caches written before they existed still match.
        String model = source.adapters().isEmpty() ? source.name() : source.name() + "\n" + source.adapters();
        String identity = String.join("\n", settings.suite(), model, configuration.prompt(),
                String.valueOf(configuration.constrained()), String.valueOf(seed), String.valueOf(settings.temperature()),
                String.valueOf(settings.maxTokens()), String.valueOf(settings.maxSteps()));
        String readable = (settings.suite() + "-" + Path.of(source.name()).getFileName()
                + (source.adapters().isEmpty() ? "" : "-lora")).replaceAll("[^A-Za-z0-9._-]", "_");
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(identity.getBytes(StandardCharsets.UTF_8));
            return readable + "-" + HexFormat.of().formatHex(digest, 0, 6);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }

    private static RunFacts readFacts(Path file, BackendSource source) {
        try {
            return Files.exists(file) ? RunFacts.fromJson(JSON.readTree(file.toFile()))
                    : new RunFacts(null, null, source.diskBytes());
        } catch (IOException e) {
            return new RunFacts(null, null, source.diskBytes());
        }
    }

    private static void writeFacts(Path file, RunFacts facts) {
        try {
            Files.writeString(file, facts.toJson().toString());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file + ": " + e.getMessage(), e);
        }
    }
}

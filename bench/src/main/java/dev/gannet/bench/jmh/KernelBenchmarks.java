package dev.gannet.bench.jmh;

import dev.gannet.kernels.tensor.GgmlType;
import dev.gannet.runtime.cli.GannetCli;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.format.OutputFormatFactory;
import org.openjdk.jmh.runner.options.Options;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;
import org.openjdk.jmh.runner.options.VerboseMode;

/**
 * Runs {@link MatVecBenchmark} with JMH, programmatically, and converts its time per product into
 * GB/s of weights streamed: {@code weightBytes / (µs per op × 1000)}. The command line for it is
 * {@code gannet bench kernels}; {@link #main} is the same command for {@code java -cp gannet.jar}.
 */
public final class KernelBenchmarks {

    /** Every tensor type Gannet computes with, in the order of the report. */
    public static final List<GgmlType> ALL_TYPES = List.of(GgmlType.F32, GgmlType.F16, GgmlType.BF16,
            GgmlType.Q8_0, GgmlType.Q4_0, GgmlType.Q4_1, GgmlType.Q5_0, GgmlType.Q5_1, GgmlType.Q2_K,
            GgmlType.Q3_K, GgmlType.Q4_K, GgmlType.Q5_K, GgmlType.Q6_K);

    /**
     * What to run.
     *
     * @param forks 0 runs in this JVM (quicker, less trustworthy); otherwise fresh JVMs per trial
     */
    public record Settings(List<GgmlType> types, List<Integer> threads, int rows, int cols, int warmUpIterations,
                           int iterations, int iterationMillis, int forks) {
        public Settings {
            types = List.copyOf(types);
            threads = List.copyOf(threads);
        }
    }

    /**
     * One benchmark's outcome.
     *
     * @param microsPerOp    mean time of one matrix × vector product
     * @param microsError    JMH's 99.9% confidence half-width (NaN with too few iterations)
     */
    public record Result(GgmlType type, int threads, int rows, int cols, long weightBytes, double microsPerOp,
                         double microsError) {
        /** Weights streamed per second, in 10^9 bytes. */
        public double gigabytesPerSecond() {
            return weightBytes / (microsPerOp * 1e3);
        }
    }

    private KernelBenchmarks() {
    }

    /**
     * Runs every (type, threads) pair.
     *
     * @param log where JMH's own progress goes
     */
    public static List<Result> run(Settings settings, PrintStream log, boolean verbose) {
        Options options = new OptionsBuilder()
                .include(MatVecBenchmark.class.getName() + ".multiply")
                .param("type", settings.types().stream().map(Enum::name).toArray(String[]::new))
                .param("threads", settings.threads().stream().map(String::valueOf).toArray(String[]::new))
                .param("rows", String.valueOf(settings.rows()))
                .param("cols", String.valueOf(settings.cols()))
                .warmupIterations(settings.warmUpIterations())
                .warmupTime(TimeValue.milliseconds(settings.iterationMillis()))
                .measurementIterations(settings.iterations())
                .measurementTime(TimeValue.milliseconds(settings.iterationMillis()))
                .forks(settings.forks())
                // JMH's own use of sun.misc.Unsafe would print warnings in every fork. The kernels run
                // as the launcher runs them: without the Vector API's per-access bounds checks.
                .jvmArgs("--add-modules=jdk.incubator.vector", "--enable-native-access=ALL-UNNAMED", "-Xss4m",
                        "--sun-misc-unsafe-memory-access=allow", "-Djdk.incubator.vector.VECTOR_ACCESS_OOB_CHECK=0")
                .shouldFailOnError(true)
                .build();
        Runner runner = new Runner(options,
                OutputFormatFactory.createFormatInstance(log, verbose ? VerboseMode.NORMAL : VerboseMode.SILENT));
        List<Result> results = new ArrayList<>();
        try {
            for (RunResult run : runner.run()) {
                GgmlType type = GgmlType.valueOf(run.getParams().getParam("type"));
                int threads = Integer.parseInt(run.getParams().getParam("threads"));
                results.add(new Result(type, threads, settings.rows(), settings.cols(),
                        MatVecBenchmark.weightBytes(type, settings.rows(), settings.cols()),
                        run.getPrimaryResult().getScore(), run.getPrimaryResult().getScoreError()));
            }
        } catch (RunnerException e) {
            throw new IllegalStateException("the kernel benchmarks failed: " + e.getMessage()
                    + " (run with --verbose for JMH's log)", e);
        }
        results.sort(Comparator.comparingInt((Result r) -> ALL_TYPES.indexOf(r.type()))
                .thenComparingInt(Result::threads));
        return results;
    }

    /** A Markdown table: type, threads, weight size, time per product, GB/s. */
    public static String table(List<Result> results) {
        StringBuilder out = new StringBuilder();
        out.append("| type | threads | weights (MiB) | µs per matvec | GB/s |\n");
        out.append("|---|---|---|---|---|\n");
        for (Result r : results) {
            out.append(String.format(Locale.ROOT, "| %s | %d | %.1f | %.0f%s | %.2f |%n", r.type(), r.threads(),
                    r.weightBytes() / (1024.0 * 1024.0), r.microsPerOp(),
                    Double.isNaN(r.microsError()) ? "" : String.format(Locale.ROOT, " ± %.0f", r.microsError()),
                    r.gigabytesPerSecond()));
        }
        return out.toString();
    }

    /** {@code gannet bench kernels ARGS}, for running from the jar's class path. */
    public static void main(String[] args) {
        String[] command = Stream.concat(Stream.of("bench", "kernels"), Stream.of(args)).toArray(String[]::new);
        System.exit(GannetCli.run(command, new PrintWriter(System.out, true), new PrintWriter(System.err, true)));
    }
}

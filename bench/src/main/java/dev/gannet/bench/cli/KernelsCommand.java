package dev.gannet.bench.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import dev.gannet.bench.jmh.KernelBenchmarks;
import dev.gannet.kernels.tensor.GgmlType;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code gannet bench kernels}: JMH benchmarks of one matrix × vector product per tensor type,
 * reported as GB/s of weights streamed.
 */
@Command(name = "kernels", mixinStandardHelpOptions = true,
        description = {"Benchmark the matrix x vector kernel per tensor type with JMH; report GB/s of weights streamed.",
                "A synthetic [rows][cols] matrix of each type is written as GGUF, mapped back and multiplied "
                        + "by one vector (a decode step's work), single-threaded and with every core."})
final class KernelsCommand implements Callable<Integer> {
    private static final ObjectMapper JSON = new ObjectMapper();

    @Option(names = "--types", split = ",", paramLabel = "TYPE",
            description = "tensor types, comma separated (default: all 13: F32, F16, BF16, Q8_0, Q4_0, Q4_1, "
                    + "Q5_0, Q5_1, Q2_K, Q3_K, Q4_K, Q5_K, Q6_K)")
    List<String> types;

    @Option(names = {"-t", "--threads"}, split = ",", paramLabel = "N",
            description = "team sizes, comma separated (default: 1 and one per core)")
    List<Integer> threads;

    @Option(names = "--rows", defaultValue = "4096", paramLabel = "N", description = "matrix rows (default: ${DEFAULT-VALUE})")
    int rows;

    @Option(names = "--cols", defaultValue = "4096", paramLabel = "N",
            description = "matrix columns, a multiple of 256 (default: ${DEFAULT-VALUE})")
    int cols;

    @Option(names = "--warmup-iterations", defaultValue = "1", paramLabel = "N", description = "default: ${DEFAULT-VALUE}")
    int warmUpIterations;

    @Option(names = "--iterations", defaultValue = "3", paramLabel = "N", description = "measured iterations (default: ${DEFAULT-VALUE})")
    int iterations;

    @Option(names = "--iteration-ms", defaultValue = "1000", paramLabel = "MS",
            description = "length of each iteration (default: ${DEFAULT-VALUE})")
    int iterationMillis;

    @Option(names = "--forks", defaultValue = "1", paramLabel = "N",
            description = "fresh JVMs per benchmark; 0 runs in this one (default: ${DEFAULT-VALUE})")
    int forks;

    @Option(names = "--json", description = "print a JSON array instead of a Markdown table")
    boolean json;

    @Option(names = "--verbose", description = "show JMH's own log on stderr")
    boolean verbose;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        KernelBenchmarks.Settings settings = settings();
        PrintWriter err = spec.commandLine().getErr();
        err.printf(Locale.ROOT, "gannet bench kernels: %d benchmarks of %d x %d, %d+%d iterations of %d ms, %d fork%s%n",
                settings.types().size() * settings.threads().size(), rows, cols, warmUpIterations, iterations,
                iterationMillis, forks, forks == 1 ? "" : "s");
        err.flush();
        List<KernelBenchmarks.Result> results = KernelBenchmarks.run(settings, System.err, verbose);
        PrintWriter out = spec.commandLine().getOut();
        if (json) {
            ArrayNode array = JSON.createArrayNode();
            for (KernelBenchmarks.Result r : results) {
                var node = array.addObject()
                        .put("type", r.type().name())
                        .put("threads", r.threads())
                        .put("rows", r.rows())
                        .put("cols", r.cols())
                        .put("weight_bytes", r.weightBytes())
                        .put("us_per_op", r.microsPerOp())
                        .put("gb_per_s", r.gigabytesPerSecond());
                if (Double.isNaN(r.microsError())) {
                    node.putNull("us_error");
                } else {
                    node.put("us_error", r.microsError());
                }
            }
            out.println(array);
        } else {
            out.print(KernelBenchmarks.table(results));
        }
        out.flush();
        return 0;
    }

    KernelBenchmarks.Settings settings() {
        List<GgmlType> chosen = new ArrayList<>();
        if (types == null || types.isEmpty()) {
            chosen.addAll(KernelBenchmarks.ALL_TYPES);
        } else {
            for (String name : types) {
                GgmlType type = KernelBenchmarks.ALL_TYPES.stream()
                        .filter(t -> t.name().equalsIgnoreCase(name.trim()))
                        .findFirst()
                        .orElseThrow(() -> new IllegalArgumentException("--types: '" + name
                                + "' is not one of " + KernelBenchmarks.ALL_TYPES));
                if (!chosen.contains(type)) {
                    chosen.add(type);
                }
            }
        }
        List<Integer> teams = new ArrayList<>();
        for (int n : threads != null && !threads.isEmpty()
                ? threads : List.of(1, Runtime.getRuntime().availableProcessors())) {
            if (n < 1) {
                throw new IllegalArgumentException("--threads must be at least 1, not " + n);
            }
            if (!teams.contains(n)) {
                teams.add(n);
            }
        }
        if (rows < 1) {
            throw new IllegalArgumentException("--rows must be at least 1, not " + rows);
        }
        if (cols < 256 || cols % 256 != 0) {
            throw new IllegalArgumentException("--cols must be a positive multiple of 256, not " + cols);
        }
        if ((long) rows * cols > Integer.MAX_VALUE / 4) {
            throw new IllegalArgumentException("--rows x --cols is too large for a synthetic matrix");
        }
        if (warmUpIterations < 0 || iterations < 1 || iterationMillis < 1 || forks < 0) {
            throw new IllegalArgumentException("iterations must be at least 1, warm-up iterations and forks "
                    + "at least 0, --iteration-ms at least 1");
        }
        return new KernelBenchmarks.Settings(chosen, teams, rows, cols, warmUpIterations, iterations,
                iterationMillis, forks);
    }
}

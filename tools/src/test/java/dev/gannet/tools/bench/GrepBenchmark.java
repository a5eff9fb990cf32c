package dev.gannet.tools.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.gannet.tools.ToolContext;
import dev.gannet.tools.ToolRegistry;
import dev.gannet.tools.ToolResult;
import dev.gannet.tools.sandbox.Sandbox;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * Times Gannet's {@code grep} tool against ripgrep on a large tree and prints a Markdown table.
 * Benchmark tooling, not a test: run by {@code scripts/bench_grep.sh}, which builds the tree.
 *
 * <p>Both search the same tree under the same rules (the tree is a git repository with a
 * .gitignore, hidden files skipped, binary files skipped) and must report the same number of
 * matching lines, or the row says so. Gannet runs in this JVM after warm-up runs, as it does inside
 * the long-running server; ripgrep is a fresh process each time, as an agent would call it. Times
 * are medians of warm runs (the tree in the page cache), the three tools taking turns.
 */
public final class GrepBenchmark {
    private record Case(String label, String pattern, boolean ignoreCase, List<String> rgFlags) {
    }

    private static final List<Case> CASES = List.of(
            new Case("literal, rare", "ConcurrentModificationException", false, List.of()),
            new Case("literal, no match", "zqxjkvbwpq-no-such-text", false, List.of()),
            new Case("regex, alternation", "(public|private) static final \\w+ [A-Z_]{8,} =", false, List.of()),
            new Case("regex, word boundary", "\\bsynchronized\\s*\\(this\\)", false, List.of()),
            new Case("literal, ignore case", "thread-safe", true, List.of("-i")));

    private GrepBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length < 1) {
            System.err.println("usage: GrepBenchmark TREE [RUNS]");
            System.exit(2);
        }
        Path tree = Path.of(args[0]).toRealPath();
        int runs = args.length > 1 ? Integer.parseInt(args[1]) : 5;
        long[] size = treeSize(tree);
        System.out.printf(Locale.ROOT, "tree: %s, %d files, %.0f MB; %d cores; %s; %s%n", tree, size[0], size[1] / 1e6,
                Runtime.getRuntime().availableProcessors(), version("rg", "--version"), "Java " + Runtime.version());
        ToolRegistry registry = ToolRegistry.builtins(Sandbox.detect());
        ToolContext context = ToolContext.readOnly(tree);
        ObjectMapper json = new ObjectMapper();

        System.out.println();
        System.out.println("| pattern | matching lines | ripgrep | ripgrep --sort path | Gannet grep (first run) | Gannet grep (warm) | Gannet ÷ ripgrep |");
        System.out.println("|---|---|---|---|---|---|---|");
        for (Case c : CASES) {
            ObjectNode arguments = json.createObjectNode().put("pattern", c.pattern()).put("ignore_case", c.ignoreCase())
                    .put("max_results", 100000);
            long firstStart = System.nanoTime();
            ToolResult first = registry.execute("grep", arguments, context);
            double firstSeconds = (System.nanoTime() - firstStart) / 1e9;
            int gannetMatches = first.data().get("match_count").asInt();
            for (int i = 0; i < 2; i++) {
                registry.execute("grep", arguments, context);
            }
            // Interleaved, so that load from elsewhere on the machine falls on all three alike.
            double[][] seconds = new double[3][runs];
            for (int i = 0; i < runs; i++) {
                seconds[0][i] = time(() -> ripgrep(tree, c, false));
                seconds[1][i] = time(() -> ripgrep(tree, c, true));
                seconds[2][i] = time(() -> registry.execute("grep", arguments, context));
            }
            double rg = median(seconds[0]);
            double rgSorted = median(seconds[1]);
            double gannet = median(seconds[2]);
            long rgMatches = ripgrepCount(tree, c);
            String agree = rgMatches == gannetMatches ? String.valueOf(gannetMatches)
                    : gannetMatches + " (ripgrep: " + rgMatches + ")";
            System.out.printf(Locale.ROOT, "| `%s`%s | %s | %.3f s | %.3f s | %.3f s | %.3f s | %.1f× |%n",
                    c.pattern(), c.ignoreCase() ? " (ignore case)" : "", agree, rg, rgSorted, firstSeconds, gannet, gannet / rg);
        }
    }

    private interface Run {
        void run() throws Exception;
    }

    private static double time(Run run) throws Exception {
        long start = System.nanoTime();
        run.run();
        return (System.nanoTime() - start) / 1e9;
    }

    private static double median(double[] seconds) {
        double[] sorted = seconds.clone();
        Arrays.sort(sorted);
        return sorted[sorted.length / 2];
    }

    private static void ripgrep(Path tree, Case c, boolean sorted) throws IOException, InterruptedException {
        List<String> command = rgCommand(c, sorted ? List.of("--sort", "path") : List.of());
        Process process = new ProcessBuilder(command).directory(tree.toFile())
                .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")))
                .redirectOutput(ProcessBuilder.Redirect.DISCARD).redirectError(ProcessBuilder.Redirect.DISCARD).start();
        if (!process.waitFor(10, TimeUnit.MINUTES)) {
            process.destroyForcibly();
            throw new IOException("ripgrep did not finish");
        }
    }

    private static long ripgrepCount(Path tree, Case c) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(rgCommand(c, List.of("--count", "--no-filename"))).directory(tree.toFile())
                .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")))
                .redirectError(ProcessBuilder.Redirect.DISCARD).start();
        String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        process.waitFor();
        return out.lines().mapToLong(Long::parseLong).sum();
    }

    private static List<String> rgCommand(Case c, List<String> extra) {
        List<String> command = new ArrayList<>(List.of("rg", "--no-config", "--no-ignore-global", "--line-number",
                "--no-heading", "--with-filename"));
        command.addAll(c.rgFlags());
        command.addAll(extra);
        command.add("-e");
        command.add(c.pattern());
        return command;
    }

    private static long[] treeSize(Path tree) throws IOException {
        try (Stream<Path> paths = Files.walk(tree)) {
            long[] totals = new long[2];
            paths.filter(Files::isRegularFile).forEach(p -> {
                totals[0]++;
                try {
                    totals[1] += Files.size(p);
                } catch (IOException e) {
                    // vanished; not counted
                }
            });
            return totals;
        }
    }

    private static String version(String... command) {
        try {
            Process process = new ProcessBuilder(command).start();
            String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            process.waitFor();
            return out.lines().findFirst().orElse("?");
        } catch (IOException | InterruptedException e) {
            return command[0] + " missing";
        }
    }
}

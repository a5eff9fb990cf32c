package dev.gannet.bench.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code gannet bench}: the benchmark commands; alone, it prints their list. */
@Command(name = "bench", mixinStandardHelpOptions = true,
        description = "Benchmarks: engine speed against the model file, tool-vs-direct discrimination, kernel throughput.",
        subcommands = {SpeedCommand.class, DiscriminationCommand.class, KernelsCommand.class})
public final class BenchCommand implements Runnable {
    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }
}

package dev.gannet.bench.cli;

import dev.gannet.runtime.cli.CliExtension;

/** Adds {@code gannet bench} to the CLI (registered in META-INF/services). */
public final class BenchCliExtension implements CliExtension {

    @Override
    public String name() {
        return "bench";
    }

    @Override
    public Object command() {
        return new BenchCommand();
    }
}

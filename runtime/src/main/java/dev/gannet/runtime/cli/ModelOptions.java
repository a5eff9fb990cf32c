package dev.gannet.runtime.cli;

import dev.gannet.kernels.model.ThreadTeam;
import java.nio.file.Path;
import picocli.CommandLine.Option;

/** Options shared by the commands that run a model. */
final class ModelOptions {
    @Option(names = {"-m", "--model"}, required = true, paramLabel = "MODEL", description = "GGUF model file")
    Path model;

    @Option(names = {"-t", "--threads"}, paramLabel = "N",
            description = "compute threads (default: one per core)")
    Integer threads;

    @Option(names = {"-c", "--context"}, paramLabel = "N", defaultValue = "4096",
            description = "context size in tokens, at most the model's (default: ${DEFAULT-VALUE})")
    int context;

    ThreadTeam team() {
        if (threads != null && threads < 1) {
            throw new IllegalArgumentException("--threads must be at least 1");
        }
        return threads == null ? ThreadTeam.sizedToCores() : new ThreadTeam(threads);
    }

    int context() {
        if (context < 1) {
            throw new IllegalArgumentException("--context must be at least 1");
        }
        return context;
    }
}

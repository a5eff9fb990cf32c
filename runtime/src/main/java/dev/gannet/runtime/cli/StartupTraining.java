package dev.gannet.runtime.cli;

import dev.gannet.kernels.gguf.GgufWriter;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The training run the launcher records Gannet's AOT cache from (JDK 25, JEP 483/514/515: the classes a
 * run loads, already parsed and linked, and their method profiles). It starts the CLI the way a model
 * command does, without a model and without the network: help, then {@code inspect} and {@code generate}
 * on a tiny GGUF written to a temporary directory. {@code generate} stops where the file names no
 * architecture — after the CLI, the configuration, the model store and the GGUF reader have loaded
 * (its one tensor is a vector, so no kernel warm-up starts). All output is discarded; the launcher uses the cache only when this run
 * and the cache's assembly succeed.
 */
public final class StartupTraining {
    private StartupTraining() {
    }

    public static void main(String[] args) throws IOException {
        Path dir = Files.createTempDirectory("gannet-training");
        Path gguf = dir.resolve("training.gguf");
        try {
            new GgufWriter()
                    .putString("general.name", "gannet startup training")
                    .addTensor("training.norm", new long[] {64}, new float[64])
                    .write(gguf);
            PrintWriter sink = new PrintWriter(Writer.nullWriter());
            String model = gguf.toString();
            GannetCli.run(new String[] {"--help"}, sink, sink);
            GannetCli.run(new String[] {"inspect", model}, sink, sink);
            GannetCli.run(new String[] {"generate", "-m", model, "--prompt", "Hello", "-n", "1"}, sink, sink);
        } finally {
            Files.deleteIfExists(gguf);
            Files.deleteIfExists(dir);
        }
    }
}

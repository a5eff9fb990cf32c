package dev.gannet.runtime.cli;

import dev.gannet.kernels.gguf.GgufFile;
import dev.gannet.kernels.gguf.GgufReader;
import dev.gannet.kernels.lora.LoraFuser;
import dev.gannet.kernels.lora.ScaledLora;
import dev.gannet.kernels.tensor.GgmlType;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code gannet fuse}: folds LoRA adapters into a model's weights and writes the result as a new
 * GGUF file that runs without them.
 */
@Command(name = "fuse", mixinStandardHelpOptions = true,
        description = "Fuse LoRA adapters into a model: W' = W + scale·(alpha/rank)·B·A, written as a new GGUF.")
final class FuseCommand implements Callable<Integer> {
    @Option(names = {"-m", "--model"}, required = true, paramLabel = "MODEL", description = "base GGUF model")
    Path model;

    @Option(names = "--lora", required = true, paramLabel = "FILE",
            description = "LoRA adapter (llama.cpp GGUF); repeatable")
    List<Path> loras = new ArrayList<>();

    @Option(names = "--lora-scale", paramLabel = "S",
            description = "strength of each --lora, one per adapter in the same order (default 1)")
    List<Float> loraScales = new ArrayList<>();

    @Option(names = "--out", required = true, paramLabel = "FILE", description = "where to write the fused model")
    Path out;

    @Option(names = "--type", paramLabel = "TYPE",
            description = "store every weight matrix as f32, f16, bf16, q8_0, q4_0, q4_1, q5_0, q5_1, q2_k, q3_k, "
                    + "q4_k, q5_k or q6_k (default: adapted weights keep their type, the rest are copied)")
    String type;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws IOException {
        GgmlType target = type == null ? null : parseType(type);
        if (Files.exists(out) && Files.isSameFile(out, model)) {
            throw new IllegalArgumentException("--out is the model itself; write the fused model to a new file");
        }
        List<ScaledLora> adapters = LoraArguments.read(loras, loraScales);
        PrintWriter err = spec.commandLine().getErr();
        long started = System.nanoTime();
        try (GgufFile base = GgufReader.open(model)) {
            LoraFuser.Summary summary = LoraFuser.fuse(base, adapters, target, out);
            for (String fallback : summary.fallbacks()) {
                err.println("note: " + fallback);
            }
            err.printf("fused %d adapter(s) into %d of %d tensors; wrote %s (%.1f MB) in %.1f s%n", adapters.size(),
                    summary.fusedTensors(), summary.tensors(), out, Files.size(out) / 1e6,
                    (System.nanoTime() - started) / 1e9);
            err.flush();
        }
        return 0;
    }

    static GgmlType parseType(String name) {
        GgmlType parsed;
        try {
            parsed = GgmlType.valueOf(name.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            parsed = null;
        }
        if (parsed == null || !parsed.supportsCompute()) {
            throw new IllegalArgumentException("--type " + name + " is not one Gannet writes; use f32, f16, bf16, "
                    + "q8_0, q4_0, q4_1, q5_0, q5_1, q2_k, q3_k, q4_k, q5_k or q6_k");
        }
        return parsed;
    }
}

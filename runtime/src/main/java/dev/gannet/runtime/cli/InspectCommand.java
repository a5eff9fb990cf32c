package dev.gannet.runtime.cli;

import dev.gannet.kernels.gguf.GgufFile;
import dev.gannet.kernels.gguf.GgufMetadata;
import dev.gannet.kernels.gguf.GgufReader;
import dev.gannet.kernels.gguf.GgufTensorInfo;
import dev.gannet.kernels.tensor.GgmlType;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code gannet inspect MODEL}: what a GGUF file holds, read from its header alone, so it works for
 * architectures Gannet cannot run too.
 */
@Command(name = "inspect", mixinStandardHelpOptions = true,
        description = "Show a GGUF model's architecture, size, tensor types, context, vocabulary and chat template.")
final class InspectCommand implements Callable<Integer> {
    @Parameters(index = "0", paramLabel = "MODEL", description = "GGUF file")
    Path model;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        try (GgufFile file = GgufReader.open(model)) {
            GgufMetadata meta = file.metadata();
            PrintWriter out = spec.commandLine().getOut();
            String arch = meta.findString("general.architecture").orElse("(none)");
            long parameters = 0;
            Map<GgmlType, Integer> types = new TreeMap<>();
            for (GgufTensorInfo tensor : file.tensors()) {
                parameters += tensor.elementCount();
                types.merge(tensor.type(), 1, Integer::sum);
            }
            StringBuilder typeList = new StringBuilder();
            types.forEach((type, count) -> typeList.append(typeList.isEmpty() ? "" : ", ")
                    .append(type).append(" x").append(count));

            out.printf("file:          %s (GGUF v%d)%n", file.source(), file.version());
            meta.findString("general.name").ifPresent(name -> out.printf("name:          %s%n", name));
            out.printf("architecture:  %s%n", arch);
            out.printf("parameters:    %s (%d)%n", humanCount(parameters), parameters);
            out.printf("tensor types:  %s%n", typeList.isEmpty() ? "(no tensors)" : typeList);
            out.printf("context:       %s%n", meta.findLong(arch + ".context_length").map(String::valueOf).orElse("(unknown)"));
            meta.findLong(arch + ".embedding_length").ifPresent(v -> out.printf("embedding:     %d%n", v));
            meta.findLong(arch + ".block_count").ifPresent(v -> out.printf("layers:        %d%n", v));
            int vocabulary = meta.findStringArray("tokenizer.ggml.tokens").map(t -> t.length).orElse(0);
            out.printf("vocabulary:    %d (%s tokenizer)%n", vocabulary,
                    meta.findString("tokenizer.ggml.model").orElse("no"));
            out.printf("chat template: %s%n", meta.contains("tokenizer.chat_template") ? "yes" : "no");
            out.flush();
        }
        return 0;
    }

    private static String humanCount(long n) {
        if (n >= 1_000_000_000L) {
            return String.format("%.2fB", n / 1e9);
        }
        if (n >= 1_000_000L) {
            return String.format("%.2fM", n / 1e6);
        }
        if (n >= 1_000L) {
            return String.format("%.1fK", n / 1e3);
        }
        return Long.toString(n);
    }
}

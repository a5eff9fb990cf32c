package dev.gannet.kernels.arch;

import dev.gannet.kernels.arch.gemma.GemmaArchitecture;
import dev.gannet.kernels.arch.gemma3.Gemma3Architecture;
import dev.gannet.kernels.arch.llama.LlamaArchitecture;
import dev.gannet.kernels.arch.phi3.Phi3Architecture;
import dev.gannet.kernels.arch.qwen2.Qwen2Architecture;
import dev.gannet.kernels.arch.qwen3.Qwen3Architecture;
import dev.gannet.kernels.gguf.GgufFile;
import java.util.List;

/** The supported architectures, looked up by {@code general.architecture} (never by the model's name). */
public final class Architectures {
    private static final List<Architecture> ALL = List.of(
            new LlamaArchitecture(),
            new Qwen2Architecture(),
            new Qwen3Architecture(),
            new Phi3Architecture(),
            new GemmaArchitecture(),
            new Gemma3Architecture());

    private Architectures() {
    }

    public static List<String> supportedNames() {
        return ALL.stream().map(Architecture::name).toList();
    }

    /** The architecture of a file; refuses unknown ones by name. */
    public static Architecture of(GgufFile file) {
        String name = file.metadata().getString("general.architecture");
        return ALL.stream().filter(a -> a.name().equals(name)).findFirst()
                .orElseThrow(() -> new UnsupportedArchitectureException(file.source(), name));
    }
}

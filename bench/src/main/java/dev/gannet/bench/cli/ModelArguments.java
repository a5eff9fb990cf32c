package dev.gannet.bench.cli;

import dev.gannet.runtime.backend.ScriptedBackend;
import dev.gannet.runtime.cli.LocalModelFiles;
import java.nio.file.Files;
import java.nio.file.Path;

/** The benchmarks' --model values, read as every other command reads a model reference. */
final class ModelArguments {
    private ModelArguments() {
    }

    /**
     * A script or an existing file as given; anything else (an installed model, an alias, a catalog
     * name, hf:…) resolved to its GGUF, pulled on first use; a path that is not there fails as
     * "…: no such file".
     */
    static String localModel(String value) {
        if (value.startsWith(ScriptedBackend.SCHEME) || Files.isRegularFile(Path.of(value))) {
            return value;
        }
        return LocalModelFiles.resolve(value).toString();
    }
}

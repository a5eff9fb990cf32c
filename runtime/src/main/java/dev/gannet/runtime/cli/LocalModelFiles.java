package dev.gannet.runtime.cli;

import dev.gannet.runtime.config.ConfigSources;
import dev.gannet.runtime.config.GannetConfig;
import dev.gannet.runtime.models.BackendOpener;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;

/**
 * The GGUF file a model reference names on this machine, with this process's configuration (its data
 * directory and aliases): a path, an installed model or alias, a catalog name or {@code hf:…} (pulled
 * first, with progress on stderr). Shared by every command whose {@code --model} needs a local file.
 */
public final class LocalModelFiles {
    private LocalModelFiles() {
    }

    public static Path resolve(String reference) {
        GannetConfig config = GannetConfig.load(ConfigSources.ofThisProcess(null, Map.of()));
        PrintWriter err = new PrintWriter(new OutputStreamWriter(System.err, StandardCharsets.UTF_8), true);
        return BackendOpener.forConfig(config, new ConsoleProgress(err)).resolveLocal(config.resolveModel(reference));
    }
}

package dev.gannet.bench.discrimination;

import dev.gannet.runtime.backend.ScriptedBackend;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

/** The command line's model arguments as {@link BackendSource}s. */
public final class BackendSources {
    private BackendSources() {
    }

    /**
     * {@code script:FILE} (canned completions, test tooling) or a GGUF file for Gannet's engine.
     * A file that does not exist is refused here, before any case runs.
     */
    public static BackendSource model(String spec) {
        if (spec.startsWith(ScriptedBackend.SCHEME)) {
            Path file = existing(spec.substring(ScriptedBackend.SCHEME.length()), "--model");
            return new BackendSource(spec, () -> ScriptedBackend.fromFile(file, Duration.ZERO), null, true);
        }
        Path file = existing(spec, "--model");
        throw new IllegalArgumentException("--model " + file.getFileName() + ": this build has no in-process engine "
                + "backend yet; run the model behind a server and use --server URL, or use script:FILE");
    }

    /** An OpenAI-compatible server at {@code url}. */
    public static BackendSource server(String url) {
        throw new IllegalArgumentException("--server " + url + ": this build has no OpenAI-compatible client backend yet");
    }

    static Path existing(String path, String option) {
        Path file = Path.of(path);
        if (!Files.isRegularFile(file)) {
            throw new IllegalArgumentException(option + " " + path + ": no such file");
        }
        return file;
    }
}

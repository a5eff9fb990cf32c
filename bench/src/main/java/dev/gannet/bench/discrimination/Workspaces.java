package dev.gannet.bench.discrimination;

import dev.gannet.bench.discrimination.suite.SampleWorkspace;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The folders repository-grounded cases run in: a bundled sample workspace is written once into a
 * temporary folder (deleted on close); any other name is taken as an existing folder.
 */
final class Workspaces implements AutoCloseable {
    private final Map<String, Path> prepared = new HashMap<>();
    private Path temporary;

    Path resolve(String name) {
        return prepared.computeIfAbsent(name, this::prepare);
    }

    private Path prepare(String name) {
        try {
            if (SampleWorkspace.exists(name)) {
                if (temporary == null) {
                    temporary = Files.createTempDirectory("gannet-bench-");
                }
                Path folder = temporary.resolve(name);
                SampleWorkspace.write(name, folder);
                return folder;
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the sample workspace " + name + ": " + e.getMessage(), e);
        }
        Path folder = Path.of(name).toAbsolutePath();
        if (!Files.isDirectory(folder)) {
            throw new IllegalArgumentException("workspace '" + name + "' is neither a bundled sample nor a folder");
        }
        return folder;
    }

    @Override
    public void close() {
        if (temporary == null) {
            return;
        }
        try (Stream<Path> paths = Files.walk(temporary)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        } catch (IOException e) {
            // A leftover temporary folder is harmless; the results are already written.
        }
    }
}

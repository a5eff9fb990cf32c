package dev.gannet.runtime.models;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;

/** The shared fixture models (system property gannet.shared, else ../shared) and store helpers. */
final class TestFixtures {
    private TestFixtures() {
    }

    static Path shared() {
        String configured = System.getProperty("gannet.shared");
        return configured != null ? Path.of(configured) : Path.of("..", "..", "shared");
    }

    static Path fixture(String name) {
        Path path = shared().resolve("fixtures/models").resolve(name);
        if (!Files.isRegularFile(path)) {
            throw new IllegalStateException("fixture " + path + " not found; set -Dgannet.shared=DIR");
        }
        return path;
    }

    static byte[] bytes(Path path) {
        try {
            return Files.readAllBytes(path);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Installs a copy of a fixture GGUF under {@code name}, as a pull would. */
    static InstalledModel install(ModelStore store, String name, Path gguf) throws IOException {
        Path staged = Files.createTempFile(store.stagingDirectory(), name, ".gguf");
        Files.copy(gguf, staged, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        String sha = Sha256.of(staged, PullProgress.silent());
        return store.install(staged, new ModelManifest(name, name + ".gguf", "file:" + gguf, sha,
                ModelManifest.COMPUTED, Files.size(staged), Instant.now().toString()));
    }

    /** The GGUF files directly in the store (not in staging). */
    static long ggufFilesIn(ModelStore store) throws IOException {
        if (!Files.isDirectory(store.directory())) {
            return 0;
        }
        try (var files = Files.list(store.directory())) {
            return files.filter(p -> p.getFileName().toString().endsWith(".gguf")).count();
        }
    }
}

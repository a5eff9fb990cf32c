package dev.gannet.kernels.tokenizer;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.gannet.kernels.gguf.GgufFile;
import dev.gannet.kernels.gguf.GgufReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** Where the shared fixtures are, and their tokenizers, each loaded once per test run. */
final class TokenizerTestFiles {
    private static final Map<String, Tokenizer> LOADED = new ConcurrentHashMap<>();

    private TokenizerTestFiles() {
    }

    /**
     * The shared directory: the {@code gannet.shared} property surefire sets, else {@code ../shared}
     * from the module directory, else {@code ../../shared} (the project's sibling, where a worktree
     * keeps it). A missing directory fails the test rather than skipping it.
     */
    static Path shared() {
        String property = System.getProperty("gannet.shared");
        for (Path candidate : new Path[] {
                property == null ? null : Path.of(property), Path.of("../shared"), Path.of("../../shared")}) {
            if (candidate != null && Files.isDirectory(candidate.resolve("fixtures"))) {
                return candidate;
            }
        }
        assertTrue(false, "shared fixtures not found: set -Dgannet.shared=<dir> (looked in " + property
                + ", ../shared, ../../shared)");
        throw new AssertionError();
    }

    static Path tokenizerFixtures() {
        return shared().resolve("fixtures/tokenizer");
    }

    static Tokenizer vocabulary(String fileName) {
        return load(tokenizerFixtures().resolve(fileName));
    }

    static Tokenizer load(Path file) {
        return LOADED.computeIfAbsent(file.toAbsolutePath().normalize().toString(), key -> {
            try (GgufFile gguf = GgufReader.open(file)) {
                return Tokenizer.fromGguf(gguf.metadata());
            }
        });
    }
}

package dev.gannet.runtime.backend;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;

/** Where the shared fixture models are: the {@code gannet.shared} property Maven sets, else ../../shared. */
final class BackendFixtures {
    private BackendFixtures() {
    }

    static Path model(String name) {
        String configured = System.getProperty("gannet.shared");
        Path shared = configured != null ? Path.of(configured) : Path.of("..", "..", "shared");
        Path model = shared.resolve("fixtures/models").resolve(name);
        assertTrue(Files.isRegularFile(model), "fixture missing: " + model + " (set -Dgannet.shared=PATH)");
        return model;
    }
}

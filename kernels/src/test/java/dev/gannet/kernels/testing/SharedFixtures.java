package dev.gannet.kernels.testing;

import java.nio.file.Files;
import java.nio.file.Path;

/** Where the shared fixtures are: the {@code gannet.shared} property Maven sets, else ../shared. */
public final class SharedFixtures {
    private SharedFixtures() {
    }

    public static Path root() {
        String configured = System.getProperty("gannet.shared");
        Path root = configured != null ? Path.of(configured) : Path.of("..", "shared");
        if (!Files.isDirectory(root)) {
            root = Path.of("..", "..", "shared");
        }
        if (!Files.isDirectory(root)) {
            throw new IllegalStateException("the shared fixtures are not at " + root.toAbsolutePath()
                    + "; set -Dgannet.shared=PATH");
        }
        return root;
    }

    public static Path model(String name) {
        return root().resolve("fixtures/models").resolve(name);
    }

    public static Path reference(String relative) {
        return root().resolve("fixtures/reference").resolve(relative);
    }
}

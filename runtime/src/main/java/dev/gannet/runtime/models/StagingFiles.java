package dev.gannet.runtime.models;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

/** Cleanup of scratch files; a failure to delete scratch must not hide the error that got us here. */
final class StagingFiles {
    private StagingFiles() {
    }

    static void deleteQuietly(Path path) {
        if (path == null || !Files.exists(path)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(path)) {
            walk.sorted(Comparator.reverseOrder()).forEach(p -> {
                try {
                    Files.deleteIfExists(p);
                } catch (IOException ignored) {
                    // Left in .staging; the next pull of the same model starts from a fresh name.
                }
            });
        } catch (IOException ignored) {
            // As above.
        }
    }
}

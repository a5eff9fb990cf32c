package dev.gannet.bench.discrimination.suite;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * The small repositories the seed and repo suites ask about, bundled as resources and written out
 * for a run, so that tools find real files. A jar cannot list a resource folder, so each workspace
 * has a manifest ({@code workspaces/NAME.files}, one relative path a line).
 */
public final class SampleWorkspace {
    private static final String ROOT = "/dev/gannet/bench/discrimination/workspaces/";

    private SampleWorkspace() {
    }

    public static boolean exists(String name) {
        return SampleWorkspace.class.getResource(ROOT + name + ".files") != null;
    }

    /** Writes the workspace into {@code target} (created if needed) and returns the files written. */
    public static List<String> write(String name, Path target) throws IOException {
        List<String> files = manifest(name);
        for (String file : files) {
            Path destination = target.resolve(file).normalize();
            if (!destination.startsWith(target)) {
                throw new IllegalStateException("the manifest of " + name + " leaves its folder: " + file);
            }
            Files.createDirectories(destination.getParent());
            try (InputStream in = resource(ROOT + name + "/" + file)) {
                Files.copy(in, destination);
            }
        }
        return files;
    }

    private static List<String> manifest(String name) throws IOException {
        try (InputStream in = resource(ROOT + name + ".files")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).lines()
                    .map(String::strip).filter(line -> !line.isEmpty()).toList();
        }
    }

    private static InputStream resource(String path) throws IOException {
        InputStream in = SampleWorkspace.class.getResourceAsStream(path);
        if (in == null) {
            throw new IOException("missing bundled resource " + path);
        }
        return in;
    }
}

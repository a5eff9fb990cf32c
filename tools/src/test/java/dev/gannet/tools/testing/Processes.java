package dev.gannet.tools.testing;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Runs helper programs (git, rg) from tests and returns their standard output. Null stdin means /dev/null. */
public final class Processes {
    private Processes() {
    }

    public static String run(Path directory, String stdin, List<String> command) throws IOException, InterruptedException {
        ProcessBuilder builder = new ProcessBuilder(command).directory(directory.toFile())
                .redirectError(ProcessBuilder.Redirect.DISCARD);
        if (stdin == null) {
            // Not a pipe: ripgrep reads a piped standard input instead of the directory.
            builder.redirectInput(new java.io.File("/dev/null"));
        }
        Process process = builder.start();
        if (stdin != null) {
            try (var in = process.getOutputStream()) {
                in.write(stdin.getBytes(StandardCharsets.UTF_8));
            }
        }
        byte[] out = process.getInputStream().readAllBytes();
        if (!process.waitFor(60, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new IOException("timed out: " + command);
        }
        return new String(out, StandardCharsets.UTF_8);
    }

    public static String run(Path directory, List<String> command) throws IOException, InterruptedException {
        return run(directory, null, command);
    }
}

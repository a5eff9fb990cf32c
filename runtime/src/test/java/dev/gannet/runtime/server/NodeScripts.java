package dev.gannet.runtime.server;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Runs the scripts under src/test/node with the machine's Node: the official openai client and an
 * independent Prometheus text parser. Installs their packages with {@code npm ci} (from the lockfile)
 * the first time. No Node, no test: these fail rather than skip.
 */
final class NodeScripts {
    static final Path DIR = Path.of("src", "test", "node").toAbsolutePath();

    private NodeScripts() {
    }

    /** Runs {@code node script} with the environment and stdin given; returns stdout, failing on a non-zero exit. */
    static String run(String script, Map<String, String> environment, String stdin) throws Exception {
        installPackages();
        ProcessBuilder builder = new ProcessBuilder("node", script).directory(DIR.toFile());
        builder.environment().putAll(environment);
        Path err = Files.createTempFile("gannet-node", ".err");
        builder.redirectError(err.toFile());
        Process process = builder.start();
        process.getOutputStream().write(stdin.getBytes(StandardCharsets.UTF_8));
        process.getOutputStream().close();
        String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!process.waitFor(60, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new AssertionError("node " + script + " did not finish in 60 s");
        }
        String errors = Files.readString(err);
        Files.deleteIfExists(err);
        if (process.exitValue() != 0) {
            throw new AssertionError("node " + script + " exited " + process.exitValue() + ":\n" + errors + out);
        }
        return out;
    }

    private static synchronized void installPackages() throws Exception {
        if (Files.isDirectory(DIR.resolve("node_modules/openai"))
                && Files.isDirectory(DIR.resolve("node_modules/parse-prometheus-text-format"))) {
            return;
        }
        Process npm = new ProcessBuilder(List.of("npm", "ci", "--no-audit", "--no-fund")).directory(DIR.toFile())
                .redirectErrorStream(true).start();
        String output = new String(npm.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!npm.waitFor(300, TimeUnit.SECONDS) || npm.exitValue() != 0) {
            throw new AssertionError("npm ci in " + DIR + " failed:\n" + output);
        }
    }

}

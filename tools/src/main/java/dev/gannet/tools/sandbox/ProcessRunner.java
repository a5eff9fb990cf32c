package dev.gannet.tools.sandbox;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Starts a process with exactly the given environment, collects its output into a
 * {@link HeadTailBuffer}, and kills its whole tree when the time limit passes or the output passes
 * its cap. Standard input is closed at once: nobody is there to type.
 */
final class ProcessRunner {
    /** How long to wait for the output pipe to drain after the process ended or was killed. */
    private static final Duration DRAIN_GRACE = Duration.ofSeconds(2);

    private ProcessRunner() {
    }

    static CommandOutcome run(List<String> argv, Path directory, Map<String, String> environment,
            Duration timeout, ResourceLimits limits) throws IOException {
        long start = System.nanoTime();
        ProcessBuilder builder = new ProcessBuilder(argv).directory(directory.toFile()).redirectErrorStream(true);
        builder.environment().clear();
        builder.environment().putAll(environment);
        Process process = builder.start();
        process.getOutputStream().close();

        int half = Math.max(1, limits.outputKeptBytes() / 2);
        HeadTailBuffer output = new HeadTailBuffer(half, half);
        AtomicBoolean outputLimitHit = new AtomicBoolean();
        Thread reader = Thread.ofPlatform().name("gannet-command-output").daemon().start(() ->
                drain(process, output, limits.outputKillBytes(), outputLimitHit));

        boolean timedOut = false;
        try {
            if (!process.waitFor(timeout.toNanos(), TimeUnit.NANOSECONDS)) {
                timedOut = !outputLimitHit.get();
                killTree(process);
            }
            process.waitFor();
            reader.join(DRAIN_GRACE);
            if (reader.isAlive()) {
                // Something outside the process tree still holds the pipe (possible only unsandboxed).
                process.getInputStream().close();
                reader.join(DRAIN_GRACE);
            }
        } catch (InterruptedException e) {
            killTree(process);
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while waiting for the command", e);
        }
        int status = process.exitValue();
        Duration took = Duration.ofNanos(System.nanoTime() - start);
        synchronized (output) {
            return new CommandOutcome(status, timedOut, outputLimitHit.get(), output.text(), output.total(),
                    output.truncated(), took);
        }
    }

    private static void drain(Process process, HeadTailBuffer output, long killBytes, AtomicBoolean limitHit) {
        byte[] buffer = new byte[1 << 16];
        try (InputStream in = process.getInputStream()) {
            int n;
            while ((n = in.read(buffer)) > 0) {
                synchronized (output) {
                    output.write(buffer, 0, n);
                    if (output.total() > killBytes && !limitHit.get()) {
                        limitHit.set(true);
                        killTree(process);
                    }
                }
            }
        } catch (IOException e) {
            // The pipe closed under us: the process is gone, or we closed it after the grace period.
        }
    }

    /**
     * Kills the process first, then whatever descendants are still visible. Under bubblewrap killing
     * the first process is enough (its PID namespace dies with it); the sweep covers unsandboxed runs.
     */
    static void killTree(Process process) {
        List<ProcessHandle> descendants = process.descendants().toList();
        process.destroyForcibly();
        descendants.forEach(ProcessHandle::destroyForcibly);
    }
}

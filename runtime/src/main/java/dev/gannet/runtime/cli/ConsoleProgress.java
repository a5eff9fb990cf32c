package dev.gannet.runtime.cli;

import dev.gannet.runtime.models.PullProgress;
import java.io.PrintWriter;

/**
 * Shows a pull on stderr: each step on a line of its own, byte counts on one line rewritten in place
 * (carriage return), at most a few times a second so a fast copy does not flood a slow terminal.
 */
final class ConsoleProgress implements PullProgress {
    private static final long REFRESH_NANOS = 200_000_000L;

    private final PrintWriter err;
    private long lastDraw;
    private boolean lineOpen;

    ConsoleProgress(PrintWriter err) {
        this.err = err;
    }

    @Override
    public void step(String message) {
        closeLine();
        err.println(message);
        err.flush();
    }

    @Override
    public void bytes(String phase, long done, long total) {
        long now = System.nanoTime();
        boolean finished = total >= 0 && done >= total;
        if (!finished && lineOpen && now - lastDraw < REFRESH_NANOS) {
            return;
        }
        lastDraw = now;
        String amount = total > 0
                ? String.format("%s / %s  %3d%%", megabytes(done), megabytes(total), (int) (100 * done / total))
                : megabytes(done);
        err.print("\r" + phase + " " + amount + "   ");
        err.flush();
        lineOpen = true;
        if (finished) {
            closeLine();
        }
    }

    /** Ends a progress line left open, before anything else is printed. */
    void closeLine() {
        if (lineOpen) {
            err.println();
            err.flush();
            lineOpen = false;
        }
    }

    private static String megabytes(long bytes) {
        return String.format("%.1f MB", bytes / 1e6);
    }
}

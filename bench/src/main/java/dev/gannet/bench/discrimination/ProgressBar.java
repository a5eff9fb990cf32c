package dev.gannet.bench.discrimination;

import java.io.PrintWriter;
import java.util.Locale;

/** One redrawn line on stderr: {@code label [#####.....] 12/60 case-id}. */
final class ProgressBar {
    private static final int WIDTH = 30;
    private final PrintWriter out;
    private final String label;
    private final int total;

    ProgressBar(PrintWriter out, String label, int total) {
        this.out = out;
        this.label = label;
        this.total = total;
    }

    void show(int done, String current) {
        int filled = total == 0 ? WIDTH : done * WIDTH / total;
        out.print(String.format(Locale.ROOT, "\r%s [%s%s] %d/%d %s\u001b[K", label, "#".repeat(filled),
                ".".repeat(WIDTH - filled), done, total, current));
        out.flush();
    }

    void finish() {
        out.println();
        out.flush();
    }
}

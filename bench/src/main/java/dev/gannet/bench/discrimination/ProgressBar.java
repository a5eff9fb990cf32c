package dev.gannet.bench.discrimination;

import java.io.PrintWriter;
import java.util.Locale;

/**
 * Progress on stderr. On a terminal, one redrawn line: {@code label [#####.....] 12/60 case-id}. Into a
 * file or a pipe (CI logs, scripts) redrawing would pile every update onto one huge line of control
 * characters, so there it prints a plain line at each tenth of the run instead.
 */
final class ProgressBar {
    private static final int WIDTH = 30;
    private static final int PLAIN_STEPS = 10;
    private final PrintWriter out;
    private final String label;
    private final int total;
    private final boolean terminal;
    private int plainStepsShown = -1;

    ProgressBar(PrintWriter out, String label, int total, boolean terminal) {
        this.out = out;
        this.label = label;
        this.total = total;
        this.terminal = terminal;
    }

    /** Whether stderr is an interactive terminal (the JVM's console reaches one). */
    static boolean stderrIsTerminal() {
        var console = System.console();
        return console != null && console.isTerminal();
    }

    void show(int done, String current) {
        if (terminal) {
            int filled = total == 0 ? WIDTH : done * WIDTH / total;
            out.print(String.format(Locale.ROOT, "\r%s [%s%s] %d/%d %s\u001b[K", label, "#".repeat(filled),
                    ".".repeat(WIDTH - filled), done, total, current));
        } else {
            int step = total == 0 ? PLAIN_STEPS : done * PLAIN_STEPS / total;
            if (step == plainStepsShown) {
                return;
            }
            plainStepsShown = step;
            out.println(String.format(Locale.ROOT, "%s: %d/%d cases", label, done, total));
        }
        out.flush();
    }

    void finish() {
        if (terminal) {
            out.println();
        } else if (plainStepsShown != PLAIN_STEPS) {
            out.println(String.format(Locale.ROOT, "%s: %d/%d cases", label, total, total));
        }
        out.flush();
    }
}

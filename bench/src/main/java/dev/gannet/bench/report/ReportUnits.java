package dev.gannet.bench.report;

import java.util.Locale;

/** How every bench report writes sizes, times and rates, so the speed and discrimination tables read alike. */
public final class ReportUnits {
    private static final double MIB = 1024.0 * 1024.0;

    private ReportUnits() {
    }

    public static String mebibytes(long bytes) {
        return String.format(Locale.ROOT, "%.1f MiB", bytes / MIB);
    }

    /** Sizes as the seed tables give them: GiB from one GiB on, MiB below. */
    public static String size(Long bytes) {
        if (bytes == null) {
            return "–";
        }
        return bytes >= 1024 * MIB ? String.format(Locale.ROOT, "%.2f GiB", bytes / (1024 * MIB)) : mebibytes(bytes);
    }

    public static String seconds(Double seconds) {
        return seconds == null ? "–" : String.format(Locale.ROOT, "%.2f s", seconds);
    }

    /** Tokens per second with one decimal, the unit left to the column's name; a dash for none. */
    public static String tokensPerSecond(Double rate) {
        return rate == null ? "–" : String.format(Locale.ROOT, "%.1f", rate);
    }

    /** A share as a whole percentage with its counts: {@code 60% (3/5)}; a dash for none. */
    public static String percent(int hits, int total) {
        return total == 0 ? "–" : String.format(Locale.ROOT, "%.0f%% (%d/%d)", 100.0 * hits / total, hits, total);
    }
}

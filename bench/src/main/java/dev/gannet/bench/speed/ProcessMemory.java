package dev.gannet.bench.speed;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.OptionalLong;

/** This process's memory as Linux reports it in {@code /proc/self/status}. */
public final class ProcessMemory {
    private static final Path STATUS = Path.of("/proc/self/status");
    private static final Path CLEAR_REFS = Path.of("/proc/self/clear_refs");

    private ProcessMemory() {
    }

    /** Peak resident set size in bytes ({@code VmHWM}); empty where the system does not report it. */
    public static OptionalLong peakResidentBytes() {
        return field("VmHWM:");
    }

    /**
     * Starts the peak ({@code VmHWM}) afresh from the resident set now, so that a peak read later is
     * that of what ran in between (Linux 4.0 and later: writing 5 to {@code /proc/self/clear_refs}).
     * Returns whether the system allowed it; where it did not, the peak stays the process's.
     */
    public static boolean resetPeak() {
        try {
            Files.writeString(CLEAR_REFS, "5");
            return true;
        } catch (IOException | UnsupportedOperationException | SecurityException e) {
            return false;
        }
    }

    /** Resident set size now in bytes ({@code VmRSS}); empty where the system does not report it. */
    public static OptionalLong residentBytes() {
        return field("VmRSS:");
    }

    private static OptionalLong field(String name) {
        try {
            for (String line : Files.readAllLines(STATUS)) {
                if (line.startsWith(name)) {
                    return parseKilobytes(line.substring(name.length()));
                }
            }
        } catch (IOException | UnsupportedOperationException e) {
            // Not Linux, or /proc not mounted: the measurement is simply absent.
        }
        return OptionalLong.empty();
    }

    /** "   123456 kB" to bytes. */
    static OptionalLong parseKilobytes(String value) {
        String[] parts = value.trim().split("\\s+");
        if (parts.length != 2 || !parts[1].equals("kB")) {
            return OptionalLong.empty();
        }
        try {
            return OptionalLong.of(Long.parseLong(parts[0]) * 1024);
        } catch (NumberFormatException e) {
            return OptionalLong.empty();
        }
    }
}

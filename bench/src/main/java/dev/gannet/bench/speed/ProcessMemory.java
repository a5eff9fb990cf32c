package dev.gannet.bench.speed;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.OptionalLong;

/** This process's memory as Linux reports it in {@code /proc/self/status}. */
public final class ProcessMemory {
    private static final Path STATUS = Path.of("/proc/self/status");

    private ProcessMemory() {
    }

    /** Peak resident set size in bytes ({@code VmHWM}); empty where the system does not report it. */
    public static OptionalLong peakResidentBytes() {
        return field("VmHWM:");
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

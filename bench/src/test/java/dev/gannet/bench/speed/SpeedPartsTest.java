package dev.gannet.bench.speed;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SpeedPartsTest {
    @TempDir
    Path temp;

    @Test
    void summaryTakesTheMiddleValue() {
        assertEquals(new Summary(2, 1, 5), Summary.of(5, 1, 2));
        assertEquals(new Summary(2.5, 1, 4), Summary.of(4, 1, 3, 2));
        assertEquals(new Summary(7, 7, 7), Summary.of(7));
        assertThrows(IllegalArgumentException.class, Summary::of);
    }

    @Test
    void statusLinesAreKilobytes() {
        assertEquals(OptionalLong.of(123456L * 1024), ProcessMemory.parseKilobytes("   123456 kB"));
        assertEquals(OptionalLong.empty(), ProcessMemory.parseKilobytes("12 MB"));
        assertEquals(OptionalLong.empty(), ProcessMemory.parseKilobytes(""));
    }

    @Test
    void peakStartsAfreshFromTheResidentSetNow() {
        // 64 MiB of native memory touched and freed (returned to the system): the peak stays above the
        // resident set until it is reset, then starts from the resident set.
        try (java.lang.foreign.Arena arena = java.lang.foreign.Arena.ofConfined()) {
            arena.allocate(64 << 20).fill((byte) 1);
        }
        long resident = ProcessMemory.residentBytes().orElseThrow();
        assertTrue(ProcessMemory.peakResidentBytes().orElseThrow() >= resident + (48 << 20), "the freed block counts in the peak");
        assertTrue(ProcessMemory.resetPeak(), "Linux lets a process reset its own peak");
        long peak = ProcessMemory.peakResidentBytes().orElseThrow();
        assertTrue(peak <= ProcessMemory.residentBytes().orElseThrow() + (8 << 20), "peak " + peak + ", resident " + resident);
    }

    @Test
    void promptIdsFilesTakeSpacesCommasLinesAndJsonArrays() throws Exception {
        assertArrayEquals(new int[] {1, 2, 3, 4}, PromptTokens.read(Files.writeString(temp.resolve("a"), "1 2,3\n4\n")));
        assertArrayEquals(new int[] {5, 6}, PromptTokens.read(Files.writeString(temp.resolve("b"), "[5, 6]")));
        IllegalArgumentException empty = assertThrows(IllegalArgumentException.class,
                () -> PromptTokens.read(Files.writeString(temp.resolve("c"), " \n")));
        assertTrue(empty.getMessage().contains("no token ids"));
        IllegalArgumentException negative = assertThrows(IllegalArgumentException.class,
                () -> PromptTokens.read(Files.writeString(temp.resolve("d"), "3 -1")));
        assertTrue(negative.getMessage().contains("negative"));
    }

    @Test
    void runTimingDerivesRatesAndTimeToFirstToken() {
        RunTiming run = new RunTiming(2.0, 0.25, 4.0, 8);
        assertEquals(256, run.prefillTokensPerSecond(512), 1e-9);
        assertEquals(2, run.decodeTokensPerSecond(), 1e-9);
        assertEquals(2.25, run.timeToFirstToken(), 1e-9);
    }
}

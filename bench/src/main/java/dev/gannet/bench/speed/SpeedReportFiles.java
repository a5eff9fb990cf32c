package dev.gannet.bench.speed;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** Writes a speed report into a folder as the discrimination bench does: {@code report.md} and {@code report.json}. */
public final class SpeedReportFiles {
    private SpeedReportFiles() {
    }

    public static List<Path> write(SpeedReport report, Path folder) throws IOException {
        Files.createDirectories(folder);
        Path markdown = Files.writeString(folder.resolve("report.md"), SpeedReportFormat.markdown(report));
        Path json = Files.writeString(folder.resolve("report.json"),
                SpeedReportFormat.json(report).toPrettyString() + "\n");
        return List.of(markdown, json);
    }
}

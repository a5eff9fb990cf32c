package dev.gannet.kernels.model;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Writes the differences the LoRA truth tests measured as a Markdown table under target/. */
final class LoraReport {
    private LoraReport() {
    }

    static void write(String file, String header, List<String> rows) throws IOException {
        Path report = Path.of(file);
        Files.createDirectories(report.getParent());
        List<String> lines = new ArrayList<>();
        lines.add(header);
        lines.add(header.replaceAll("[^|]+", "---"));
        lines.addAll(rows.stream().sorted().toList());
        Files.write(report, lines);
    }
}

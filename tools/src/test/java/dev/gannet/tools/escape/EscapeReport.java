package dev.gannet.tools.escape;

import dev.gannet.tools.ToolResult;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The escape suite's table, written to {@code tools/target/escape-report.md} as measured, so the
 * README's table can be checked against a run instead of being written from memory.
 */
final class EscapeReport {
    private final List<String> rows = new ArrayList<>();

    void add(String attempt, String call, ToolResult result, String contained) {
        String outcome = result.ok() ? "ok" : result.error().orElseThrow().code();
        String firstLine = result.text().lines().findFirst().orElse("").strip();
        if (firstLine.length() > 140) {
            firstLine = firstLine.substring(0, 140) + "…";
        }
        rows.add("| " + cell(attempt) + " | `" + cell(call) + "` | " + outcome + ": " + cell(firstLine)
                + " | " + cell(contained) + " |");
    }

    void write(Path file) throws IOException {
        List<String> lines = new ArrayList<>();
        lines.add("| attempt | call | result | contained by |");
        lines.add("|---|---|---|---|");
        lines.addAll(rows);
        Files.createDirectories(file.getParent());
        Files.write(file, lines);
    }

    private static String cell(String text) {
        return text.replace("|", "\\|").replace("\n", " ");
    }
}

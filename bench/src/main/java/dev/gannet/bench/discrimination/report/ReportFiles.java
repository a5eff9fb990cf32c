package dev.gannet.bench.discrimination.report;

import dev.gannet.bench.discrimination.DiscriminationReport;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** Writes the three reports into the output folder: {@code report.md}, {@code report.json}, {@code report.html}. */
public final class ReportFiles {
    private ReportFiles() {
    }

    public static List<Path> write(DiscriminationReport report, Path folder) throws IOException {
        Files.createDirectories(folder);
        Path markdown = Files.writeString(folder.resolve("report.md"), MarkdownReport.render(report));
        Path json = Files.writeString(folder.resolve("report.json"), JsonReport.json(report).toPrettyString() + "\n");
        Path html = Files.writeString(folder.resolve("report.html"), HtmlReport.render(report));
        return List.of(markdown, json, html);
    }
}

package dev.gannet.bench.discrimination.report;

import dev.gannet.bench.discrimination.BenchCase;
import dev.gannet.bench.discrimination.ConfigurationResult;
import dev.gannet.bench.discrimination.DiscriminationReport;
import dev.gannet.bench.discrimination.Observation;
import dev.gannet.bench.discrimination.Scorecard;
import dev.gannet.bench.discrimination.Tally;
import dev.gannet.bench.report.ReportUnits;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;

/**
 * The report as Markdown: the seed document's table (configuration, disk size, memory, load time,
 * average generation time, accuracy) widened with prefill and decode speed and the tool metrics, then accuracy per category, then
 * for small suites the seed document's per-query breakdown.
 */
public final class MarkdownReport {
    /** Suites up to this many cases get the per-case table; longer ones would drown the rest. */
    static final int PER_CASE_LIMIT = 30;

    private MarkdownReport() {
    }

    public static String render(DiscriminationReport report) {
        StringBuilder out = new StringBuilder();
        out.append("## Discrimination: ").append(report.suite()).append(" (").append(report.cases().size())
                .append(" cases)\n\n");
        out.append("| Configuration | Disk Size | Memory | Load Time | Prefill tok/s | Decode tok/s | Avg Gen Time | Median "
                + "| Tokens | Accuracy | Tool Precision | Tool Recall | Right Tool | Arguments | Errors |\n");
        out.append("|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|\n");
        for (ConfigurationResult result : report.results()) {
            Scorecard score = result.score();
            row(out, escape(result.label()), ReportUnits.size(result.facts().diskBytes()),
                    ReportUnits.size(result.facts().peakRssBytes()), ReportUnits.seconds(result.facts().loadSeconds()),
                    ReportUnits.tokensPerSecond(score.work().prefillTokensPerSecond()),
                    ReportUnits.tokensPerSecond(score.work().decodeTokensPerSecond()),
                    ReportUnits.seconds(score.meanLatencyMillis() / 1000), ReportUnits.seconds(score.medianLatencyMillis() / 1000),
                    String.valueOf(score.generatedTokens()), percent(score.accuracy()), percent(score.toolPrecision()),
                    percent(score.toolRecall()), percent(score.rightTool()), percent(score.arguments()),
                    String.valueOf(score.errors()));
        }
        categories(out, report);
        if (report.cases().size() <= PER_CASE_LIMIT) {
            perCase(out, report);
        }
        return out.toString();
    }

    private static void categories(StringBuilder out, DiscriminationReport report) {
        Set<String> names = new TreeSet<>();
        report.results().forEach(r -> names.addAll(r.score().byCategory().keySet()));
        out.append("\n| Category |");
        report.results().forEach(r -> out.append(' ').append(escape(r.label())).append(" |"));
        out.append("\n|---|").append("---|".repeat(report.results().size())).append('\n');
        for (String name : names) {
            out.append("| ").append(escape(name)).append(" |");
            for (ConfigurationResult result : report.results()) {
                out.append(' ').append(percent(result.score().byCategory().getOrDefault(name, Tally.NONE))).append(" |");
            }
            out.append('\n');
        }
    }

    private static void perCase(StringBuilder out, DiscriminationReport report) {
        out.append("\n| Case | Query | Expected |");
        report.results().forEach(r -> out.append(' ').append(escape(r.label())).append(" |"));
        out.append("\n|---|---|---|").append("---|".repeat(report.results().size())).append('\n');
        for (BenchCase benchCase : report.cases()) {
            out.append("| ").append(escape(benchCase.id())).append(" | ")
                    .append(escape(shorten(benchCase.messages().getLast().content()))).append(" | ")
                    .append(benchCase.expected().wireName()).append(" |");
            for (ConfigurationResult result : report.results()) {
                Observation seen = result.observations().get(benchCase.id());
                out.append(' ').append(seen == null ? "–" : verdict(benchCase, seen)).append(" |");
            }
            out.append('\n');
        }
    }

    /** "✅ tool: grep" or "❌ direct". */
    static String verdict(BenchCase benchCase, Observation seen) {
        String mark = seen.satisfies(benchCase.expected()) ? "✅" : "❌";
        return mark + " " + seen.decision().wireName() + (seen.tool() == null ? "" : ": " + escape(seen.tool()));
    }

    private static String percent(Tally tally) {
        return ReportUnits.percent(tally.hits(), tally.total());
    }

    private static void row(StringBuilder out, String... cells) {
        out.append('|');
        for (String cell : cells) {
            out.append(' ').append(cell).append(" |");
        }
        out.append('\n');
    }

    static String escape(String text) {
        return text.replace("|", "\\|").replace("\n", " ");
    }

    private static String shorten(String text) {
        String line = text.strip().replace('\n', ' ');
        return line.length() <= 60 ? line : String.format(Locale.ROOT, "%s…", line.substring(0, 59));
    }
}

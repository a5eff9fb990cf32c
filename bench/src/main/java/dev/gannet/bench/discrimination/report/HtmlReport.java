package dev.gannet.bench.discrimination.report;

import dev.gannet.bench.discrimination.ConfigurationResult;
import dev.gannet.bench.discrimination.DiscriminationReport;
import dev.gannet.bench.discrimination.Scorecard;
import dev.gannet.bench.discrimination.Tally;
import dev.gannet.bench.report.ReportUnits;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;

/**
 * The report as one self-contained HTML page (no scripts, no external files): the summary table and
 * two inline SVG charts, accuracy against mean latency (one {@code circle.point} per configuration)
 * and accuracy per category (one {@code rect.bar} per category and configuration).
 */
public final class HtmlReport {
    private static final String[] COLOURS = {"#1f77b4", "#d62728", "#2ca02c", "#ff7f0e", "#9467bd", "#8c564b",
            "#e377c2", "#17becf"};
    private static final int WIDTH = 640;
    private static final int HEIGHT = 320;
    private static final int MARGIN = 48;

    private HtmlReport() {
    }

    public static String render(DiscriminationReport report) {
        StringBuilder out = new StringBuilder();
        out.append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n<title>Gannet discrimination: ")
                .append(escape(report.suite())).append("</title>\n<style>\n")
                .append("body{font-family:sans-serif;margin:2em;color:#222}table{border-collapse:collapse;margin:1em 0}")
                .append("td,th{border:1px solid #bbb;padding:4px 8px;text-align:right}td:first-child,th:first-child{text-align:left}")
                .append("svg{background:#fafafa;border:1px solid #ddd;margin:1em 0}.axis{stroke:#555}.label{font-size:12px}\n")
                .append("</style>\n</head>\n<body>\n<h1>Tool-vs-direct discrimination: ").append(escape(report.suite()))
                .append(" (").append(report.cases().size()).append(" cases)</h1>\n");
        table(out, report);
        out.append("<h2>Accuracy against latency</h2>\n");
        scatter(out, report.results());
        out.append("<h2>Accuracy per category</h2>\n");
        bars(out, report.results());
        out.append("</body>\n</html>\n");
        return out.toString();
    }

    private static void table(StringBuilder out, DiscriminationReport report) {
        out.append("<table id=\"summary\">\n<tr><th>Configuration</th><th>Disk Size</th><th>Memory</th><th>Load Time</th>")
                .append("<th>Prefill tok/s</th><th>Decode tok/s</th><th>Avg Gen Time</th><th>Accuracy</th><th>Tool Precision</th><th>Tool Recall</th>")
                .append("<th>Right Tool</th><th>Arguments</th></tr>\n");
        for (ConfigurationResult result : report.results()) {
            Scorecard score = result.score();
            out.append("<tr><td>").append(escape(result.label())).append("</td>");
            for (String cell : List.of(ReportUnits.size(result.facts().diskBytes()),
                    ReportUnits.size(result.facts().peakRssBytes()), ReportUnits.seconds(result.facts().loadSeconds()),
                    ReportUnits.tokensPerSecond(score.work().prefillTokensPerSecond()),
                    ReportUnits.tokensPerSecond(score.work().decodeTokensPerSecond()),
                    ReportUnits.seconds(score.meanLatencyMillis() / 1000), percent(score.accuracy()),
                    percent(score.toolPrecision()), percent(score.toolRecall()), percent(score.rightTool()),
                    percent(score.arguments()))) {
                out.append("<td>").append(escape(cell)).append("</td>");
            }
            out.append("</tr>\n");
        }
        out.append("</table>\n");
    }

    /** x: mean latency from 0 to the slowest (plus a tenth); y: accuracy 0–100%. */
    private static void scatter(StringBuilder out, List<ConfigurationResult> results) {
        double slowest = results.stream().mapToDouble(r -> r.score().meanLatencyMillis() / 1000).max().orElse(1);
        double xMax = slowest <= 0 ? 1 : slowest * 1.1;
        openSvg(out, "accuracy-latency", "Accuracy against mean latency per case");
        axes(out, String.format(Locale.ROOT, "mean latency per case (s), 0 to %.2f", xMax));
        for (int i = 0; i < results.size(); i++) {
            ConfigurationResult result = results.get(i);
            Double accuracy = result.score().accuracy().rate();
            double x = MARGIN + (WIDTH - 2 * MARGIN) * (result.score().meanLatencyMillis() / 1000) / xMax;
            double y = HEIGHT - MARGIN - (HEIGHT - 2 * MARGIN) * (accuracy == null ? 0 : accuracy);
            out.append(String.format(Locale.ROOT, "<circle class=\"point\" cx=\"%.1f\" cy=\"%.1f\" r=\"6\" fill=\"%s\">"
                    + "<title>%s: %s, %.2f s</title></circle>\n", x, y, colour(i), escape(result.label()),
                    percent(result.score().accuracy()), result.score().meanLatencyMillis() / 1000));
        }
        legend(out, results);
        out.append("</svg>\n");
    }

    /** Groups per category, one bar per configuration, height = accuracy. */
    private static void bars(StringBuilder out, List<ConfigurationResult> results) {
        Set<String> categories = new TreeSet<>();
        results.forEach(r -> categories.addAll(r.score().byCategory().keySet()));
        openSvg(out, "category-accuracy", "Accuracy per category and configuration");
        axes(out, "category");
        double groupWidth = (WIDTH - 2.0 * MARGIN) / Math.max(1, categories.size());
        double barWidth = groupWidth * 0.8 / Math.max(1, results.size());
        int group = 0;
        for (String category : categories) {
            double groupX = MARGIN + group * groupWidth + groupWidth * 0.1;
            for (int i = 0; i < results.size(); i++) {
                Tally tally = results.get(i).score().byCategory().getOrDefault(category, Tally.NONE);
                double rate = tally.rate() == null ? 0 : tally.rate();
                double height = (HEIGHT - 2 * MARGIN) * rate;
                out.append(String.format(Locale.ROOT, "<rect class=\"bar\" x=\"%.1f\" y=\"%.1f\" width=\"%.1f\" "
                                + "height=\"%.1f\" fill=\"%s\"><title>%s, %s: %s</title></rect>\n",
                        groupX + i * barWidth, HEIGHT - MARGIN - height, barWidth, height, colour(i),
                        escape(category), escape(results.get(i).label()), percent(tally)));
            }
            out.append(String.format(Locale.ROOT, "<text class=\"label\" x=\"%.1f\" y=\"%d\" text-anchor=\"middle\">%s</text>\n",
                    groupX + groupWidth * 0.4, HEIGHT - MARGIN + 16, escape(category)));
            group++;
        }
        legend(out, results);
        out.append("</svg>\n");
    }

    private static void openSvg(StringBuilder out, String id, String title) {
        out.append(String.format(Locale.ROOT, "<svg id=\"%s\" xmlns=\"http://www.w3.org/2000/svg\" width=\"%d\" "
                + "height=\"%d\" viewBox=\"0 0 %d %d\" role=\"img\"><title>%s</title>\n", id, WIDTH, HEIGHT, WIDTH,
                HEIGHT, escape(title)));
    }

    private static void axes(StringBuilder out, String xLabel) {
        int bottom = HEIGHT - MARGIN;
        out.append(String.format(Locale.ROOT, "<line class=\"axis\" x1=\"%d\" y1=\"%d\" x2=\"%d\" y2=\"%d\"/>\n",
                MARGIN, bottom, WIDTH - MARGIN, bottom));
        out.append(String.format(Locale.ROOT, "<line class=\"axis\" x1=\"%d\" y1=\"%d\" x2=\"%d\" y2=\"%d\"/>\n",
                MARGIN, MARGIN, MARGIN, bottom));
        for (int percent = 0; percent <= 100; percent += 25) {
            double y = bottom - (HEIGHT - 2 * MARGIN) * percent / 100.0;
            out.append(String.format(Locale.ROOT, "<text class=\"label\" x=\"%d\" y=\"%.1f\" text-anchor=\"end\">%d%%</text>\n",
                    MARGIN - 6, y + 4, percent));
        }
        out.append(String.format(Locale.ROOT, "<text class=\"label\" x=\"%d\" y=\"%d\" text-anchor=\"middle\">%s</text>\n",
                WIDTH / 2, HEIGHT - 8, escape(xLabel)));
    }

    private static void legend(StringBuilder out, List<ConfigurationResult> results) {
        for (int i = 0; i < results.size(); i++) {
            out.append(String.format(Locale.ROOT, "<text class=\"label legend\" x=\"%d\" y=\"%d\" fill=\"%s\">%s</text>\n",
                    MARGIN + 8, 16 + 14 * i, colour(i), escape(results.get(i).label())));
        }
    }

    private static String colour(int index) {
        return COLOURS[index % COLOURS.length];
    }

    private static String percent(Tally tally) {
        return ReportUnits.percent(tally.hits(), tally.total());
    }

    static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}

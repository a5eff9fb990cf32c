package dev.gannet.bench.speed;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.gannet.bench.report.ReportUnits;
import java.util.Locale;

/**
 * A {@link SpeedReport} as one JSON object (the shape {@code scripts/bench_speed.py} reads), as a
 * Markdown table in the discrimination report's columns and units, or as lines for people.
 *
 * <p>JSON fields: {@code schema} ({@value #SCHEMA}), {@code model} (path), {@code adapters} (per
 * {@code --lora}: {@code {file, scale}}; empty for the plain model), {@code file_bytes} (model plus adapters), {@code architecture}, {@code tensor_types}
 * (type → count), {@code weight_bytes}, {@code threads}, {@code context}, {@code prompt_tokens},
 * {@code gen_tokens}, {@code warmup}, {@code runs}, {@code load_seconds}, {@code prefill_tok_s},
 * {@code decode_tok_s}, {@code ttft_seconds} (each {@code {median, min, max}}), {@code peak_rss_bytes}
 * (null where unknown), {@code java}, and {@code measurements}: per run {@code prefill_seconds},
 * {@code first_decode_seconds}, {@code decode_seconds}.
 */
public final class SpeedReportFormat {
    public static final String SCHEMA = "gannet.bench.speed/1";
    private static final ObjectMapper JSON = new ObjectMapper();

    private SpeedReportFormat() {
    }

    public static ObjectNode json(SpeedReport report) {
        ObjectNode root = JSON.createObjectNode();
        root.put("schema", SCHEMA);
        root.put("model", report.model().toString());
        var adapters = root.putArray("adapters");
        report.adapters().forEach(a -> adapters.addObject().put("file", a.file().toString()).put("scale", a.scale()));
        root.put("file_bytes", report.fileBytes());
        root.put("architecture", report.architecture());
        ObjectNode types = root.putObject("tensor_types");
        report.tensorTypes().forEach(types::put);
        root.put("weight_bytes", report.weightBytes());
        root.put("threads", report.threads());
        root.put("context", report.context());
        root.put("kv_cache_type", report.kvCacheType());
        root.put("prompt_tokens", report.promptTokens());
        root.put("gen_tokens", report.generatedTokens());
        root.put("warmup", report.warmUps());
        root.put("runs", report.runs().size());
        root.put("load_seconds", report.loadSeconds());
        summary(root.putObject("prefill_tok_s"), report.prefillTokensPerSecond());
        summary(root.putObject("decode_tok_s"), report.decodeTokensPerSecond());
        summary(root.putObject("ttft_seconds"), report.timeToFirstToken());
        if (report.peakResidentBytes().isPresent()) {
            root.put("peak_rss_bytes", report.peakResidentBytes().getAsLong());
        } else {
            root.putNull("peak_rss_bytes");
        }
        root.put("java", Runtime.version().toString());
        if (!report.decodeProfile().isEmpty()) {
            var profile = root.putObject("decode_profile_ms_per_token");
            report.decodeProfile().forEach((step, seconds) -> profile.put(step.name().toLowerCase(Locale.ROOT), seconds * 1e3));
        }
        var measurements = root.putArray("measurements");
        for (RunTiming run : report.runs()) {
            measurements.addObject()
                    .put("prefill_seconds", run.prefill())
                    .put("first_decode_seconds", run.firstDecode())
                    .put("decode_seconds", run.decode());
        }
        return root;
    }

    public static String jsonLine(SpeedReport report) {
        return json(report).toString();
    }

    /**
     * One table row under the headings the discrimination report uses for the same things (disk size,
     * memory, load time, prefill and decode tok/s), each rate its median with the range over the runs.
     */
    public static String markdown(SpeedReport report) {
        Summary prefill = report.prefillTokensPerSecond();
        Summary decode = report.decodeTokensPerSecond();
        Summary ttft = report.timeToFirstToken();
        return "## Speed: " + report.label() + "\n\n"
                + "| Model | Types | Threads | Prompt Tokens | Generated Tokens | Disk Size | Memory | Load Time "
                + "| Prefill tok/s | Decode tok/s | Time to First Token | Runs |\n"
                + "|---|---|---|---|---|---|---|---|---|---|---|---|\n"
                + "| " + String.join(" | ", report.label().replace("|", "\\|"), types(report),
                        String.valueOf(report.threads()), String.valueOf(report.promptTokens()),
                        String.valueOf(report.generatedTokens()), ReportUnits.size(report.fileBytes()),
                        ReportUnits.size(report.peakResidentBytes().isPresent() ? report.peakResidentBytes().getAsLong() : null),
                        ReportUnits.seconds(report.loadSeconds()), range(prefill), range(decode),
                        ReportUnits.seconds(ttft.median()), report.runs().size() + " after " + report.warmUps() + " warm-up")
                + " |\n";
    }

    /** {@code 40.8 (39.9–41.2)}: the median, then the smallest and largest. */
    private static String range(Summary summary) {
        return ReportUnits.tokensPerSecond(summary.median()) + " (" + ReportUnits.tokensPerSecond(summary.min()) + "–"
                + ReportUnits.tokensPerSecond(summary.max()) + ")";
    }

    /** {@code Q4_1 x210, F32 x61}. */
    private static String types(SpeedReport report) {
        StringBuilder types = new StringBuilder();
        report.tensorTypes().forEach((type, count) -> types.append(types.isEmpty() ? "" : ", ")
                .append(type).append(" x").append(count));
        return types.toString();
    }

    public static String text(SpeedReport report) {
        String types = types(report);
        Summary prefill = report.prefillTokensPerSecond();
        Summary decode = report.decodeTokensPerSecond();
        Summary ttft = report.timeToFirstToken();
        StringBuilder out = new StringBuilder();
        line(out, "model", "%s", report.model());
        for (var adapter : report.adapters()) {
            line(out, "adapter", "%s, scale %s", adapter.file(), adapter.scale());
        }
        line(out, "file", "%s%s, %s, %s", ReportUnits.mebibytes(report.fileBytes()),
                report.adapters().isEmpty() ? "" : " with its adapters", report.architecture(), types);
        line(out, "setup", "%d threads, prompt %d tokens, generate %d tokens, context %d (%s KV); %d warm-up, %d measured run%s",
                report.threads(), report.promptTokens(), report.generatedTokens(), report.context(), report.kvCacheType(),
                report.warmUps(), report.runs().size(), report.runs().size() == 1 ? "" : "s");
        line(out, "load", "%.3f s", report.loadSeconds());
        line(out, "prefill", "%.2f tok/s  (median; min %.2f, max %.2f)", prefill.median(), prefill.min(), prefill.max());
        line(out, "decode", "%.2f tok/s  (median; min %.2f, max %.2f)", decode.median(), decode.min(), decode.max());
        line(out, "TTFT", "%.3f s  (prefill + first decode step; min %.3f, max %.3f)",
                ttft.median(), ttft.min(), ttft.max());
        line(out, "peak RSS", "%s", report.peakResidentBytes().isPresent()
                ? ReportUnits.mebibytes(report.peakResidentBytes().getAsLong()) : "unknown (no /proc/self/status)");
        if (!report.decodeProfile().isEmpty()) {
            double total = report.decodeProfile().values().stream().mapToDouble(Double::doubleValue).sum();
            out.append("decode step by step (ms per token, share of the pass):").append(System.lineSeparator());
            report.decodeProfile().forEach((step, seconds) -> out.append(String.format(Locale.ROOT,
                    "  %-12s %8.3f  %5.1f%%%n", step.name().toLowerCase(Locale.ROOT), seconds * 1e3,
                    total > 0 ? 100 * seconds / total : 0)));
        }
        return out.toString();
    }

    private static void line(StringBuilder out, String label, String format, Object... args) {
        out.append(String.format(Locale.ROOT, "%-10s", label + ":")).append(String.format(Locale.ROOT, format, args))
                .append(System.lineSeparator());
    }

    private static void summary(ObjectNode node, Summary summary) {
        node.put("median", summary.median());
        node.put("min", summary.min());
        node.put("max", summary.max());
    }
}

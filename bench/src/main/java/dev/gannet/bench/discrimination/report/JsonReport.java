package dev.gannet.bench.discrimination.report;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.gannet.bench.discrimination.BenchCase;
import dev.gannet.bench.discrimination.ConfigurationResult;
import dev.gannet.bench.discrimination.DiscriminationReport;
import dev.gannet.bench.discrimination.Observation;
import dev.gannet.bench.discrimination.Scorecard;
import dev.gannet.bench.discrimination.Tally;

/**
 * The report as JSON, schema {@value #SCHEMA} (documented field by field in docs/bench.md, "JSON
 * report"). Fields are only ever added within a schema version; a rename or removal bumps it.
 */
public final class JsonReport {
    public static final String SCHEMA = "gannet.bench.discrimination/1";
    private static final ObjectMapper JSON = new ObjectMapper();

    private JsonReport() {
    }

    public static ObjectNode json(DiscriminationReport report) {
        ObjectNode root = JSON.createObjectNode();
        root.put("schema", SCHEMA);
        root.put("suite", report.suite());
        root.put("case_count", report.cases().size());
        root.put("java", Runtime.version().toString());
        ArrayNode configurations = root.putArray("configurations");
        for (ConfigurationResult result : report.results()) {
            configurations.add(configuration(report, result));
        }
        return root;
    }

    private static ObjectNode configuration(DiscriminationReport report, ConfigurationResult result) {
        ObjectNode node = JSON.createObjectNode();
        node.put("label", result.label());
        node.put("model", result.model());
        ArrayNode adapters = node.putArray("adapters");
        result.adapters().forEach(a -> adapters.addObject().put("file", a.file().toString()).put("scale", a.scale()));
        node.put("prompt", result.configuration().prompt());
        node.put("constrained_calls", result.configuration().constrained());
        node.put("seed", result.seed());
        node.setAll(result.facts() == null ? JSON.createObjectNode() : factsJson(result));
        Scorecard score = result.score();
        ObjectNode metrics = node.putObject("metrics");
        metrics.set("accuracy", tally(score.accuracy()));
        metrics.set("tool_precision", tally(score.toolPrecision()));
        metrics.set("tool_recall", tally(score.toolRecall()));
        metrics.set("right_tool", tally(score.rightTool()));
        metrics.set("valid_calls", tally(score.validCalls()));
        metrics.set("arguments", tally(score.arguments()));
        metrics.put("errors", score.errors());
        metrics.put("mean_latency_ms", score.meanLatencyMillis());
        metrics.put("median_latency_ms", score.medianLatencyMillis());
        metrics.put("generated_tokens", score.generatedTokens());
        metrics.put("prompt_tokens", score.work().promptTokens());
        metrics.put("prompt_seconds", score.work().promptMillis() / 1000);
        metrics.put("generation_seconds", score.work().generationMillis() / 1000);
        metrics.put("prefill_tok_s", score.work().prefillTokensPerSecond());
        metrics.put("decode_tok_s", score.work().decodeTokensPerSecond());
        ObjectNode categories = node.putObject("categories");
        score.byCategory().forEach((name, tally) -> categories.set(name, tally(tally)));
        ArrayNode cases = node.putArray("cases");
        for (BenchCase benchCase : report.cases()) {
            Observation seen = result.observations().get(benchCase.id());
            if (seen == null) {
                continue;
            }
            ObjectNode entry = seen.toJson();
            entry.put("category", benchCase.category());
            entry.put("expected", benchCase.expected().wireName());
            entry.put("correct", seen.satisfies(benchCase.expected()));
            entry.put("tool_original_name", seen.tool() == null ? null : benchCase.originalName(seen.tool()));
            cases.add(entry);
        }
        return node;
    }

    private static ObjectNode factsJson(ConfigurationResult result) {
        ObjectNode facts = JSON.createObjectNode();
        facts.put("load_seconds", result.facts().loadSeconds());
        facts.put("peak_rss_bytes", result.facts().peakRssBytes());
        facts.put("disk_bytes", result.facts().diskBytes());
        return facts;
    }

    private static ObjectNode tally(Tally tally) {
        ObjectNode node = JSON.createObjectNode();
        node.put("hits", tally.hits());
        node.put("total", tally.total());
        node.put("rate", tally.rate());
        return node;
    }
}

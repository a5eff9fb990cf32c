package dev.gannet.bench.discrimination;

import java.util.List;

/** A suite and every configuration run on it: what the Markdown, JSON and HTML reports show. */
public record DiscriminationReport(String suite, List<BenchCase> cases, List<ConfigurationResult> results) {
    public DiscriminationReport {
        cases = List.copyOf(cases);
        results = List.copyOf(results);
    }
}

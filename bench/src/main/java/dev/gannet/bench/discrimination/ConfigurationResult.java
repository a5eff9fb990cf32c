package dev.gannet.bench.discrimination;

import java.util.List;
import java.util.Map;

/**
 * One row of the report: a model in a configuration (and a sampling seed) over a suite.
 *
 * @param label         the row's name: model, configuration, seed
 * @param model         the backend's name
 * @param adapters      LoRA adapters applied to it at run time
 * @param configuration the configuration
 * @param seed          the sampling seed, or null for greedy decoding
 * @param facts         load time, memory, size
 * @param score         the metrics
 * @param observations  per case id
 */
public record ConfigurationResult(String label, String model, List<AdapterSpec> adapters,
                                  RunConfiguration configuration, Long seed,
                                  RunFacts facts, Scorecard score, Map<String, Observation> observations) {
    public ConfigurationResult {
        adapters = List.copyOf(adapters);
        observations = Map.copyOf(observations);
    }
}

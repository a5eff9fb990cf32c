package dev.gannet.bench.discrimination;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * What a run measured about the model rather than the cases; each null where unknown.
 *
 * @param loadSeconds   time to open the backend (a model load; a connection for a server)
 * @param peakRssBytes  this process's peak resident memory after the run (local backends only)
 * @param diskBytes     the model file's size
 */
public record RunFacts(Double loadSeconds, Long peakRssBytes, Long diskBytes) {
    private static final ObjectMapper JSON = new ObjectMapper();
    public static final RunFacts UNKNOWN = new RunFacts(null, null, null);

    ObjectNode toJson() {
        ObjectNode node = JSON.createObjectNode();
        node.put("load_seconds", loadSeconds);
        node.put("peak_rss_bytes", peakRssBytes);
        node.put("disk_bytes", diskBytes);
        return node;
    }

    static RunFacts fromJson(JsonNode node) {
        return new RunFacts(node.hasNonNull("load_seconds") ? node.get("load_seconds").asDouble() : null,
                node.hasNonNull("peak_rss_bytes") ? node.get("peak_rss_bytes").asLong() : null,
                node.hasNonNull("disk_bytes") ? node.get("disk_bytes").asLong() : null);
    }
}

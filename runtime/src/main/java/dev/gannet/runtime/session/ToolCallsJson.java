package dev.gannet.runtime.session;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.gannet.prompts.template.ToolCall;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * An assistant message's tool calls as the JSON text the messages table keeps:
 * {@code [{"id": …, "name": …, "arguments": {…}}]}. Arguments come back as Jackson reads JSON into plain
 * Java (LinkedHashMap in the document's key order, Integer/Long/Double, ArrayList), which is the form
 * {@code ChatJson} gives them, so a conversation read from a request round-trips exactly.
 */
final class ToolCallsJson {
    private static final ObjectMapper JSON = new ObjectMapper();

    private record StoredCall(String id, String name, Map<String, Object> arguments) {
    }

    private ToolCallsJson() {
    }

    /** The calls as JSON text, or null for none (so plain messages store nothing). */
    static String write(List<ToolCall> calls) {
        if (calls.isEmpty()) {
            return null;
        }
        List<StoredCall> stored = new ArrayList<>();
        for (ToolCall call : calls) {
            stored.add(new StoredCall(call.id(), call.name(), call.arguments()));
        }
        try {
            return JSON.writeValueAsString(stored);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("tool call arguments are not JSON values: " + e.getOriginalMessage(), e);
        }
    }

    static List<ToolCall> read(String json) {
        if (json == null) {
            return List.of();
        }
        try {
            List<StoredCall> stored = JSON.readValue(json, new TypeReference<List<StoredCall>>() {
            });
            List<ToolCall> calls = new ArrayList<>();
            for (StoredCall call : stored) {
                calls.add(new ToolCall(call.id(), call.name(),
                        call.arguments() == null ? Map.of() : new LinkedHashMap<>(call.arguments())));
            }
            return calls;
        } catch (JsonProcessingException e) {
            throw new SessionStoreException("stored tool calls are not valid JSON: " + e.getOriginalMessage(), e);
        }
    }
}

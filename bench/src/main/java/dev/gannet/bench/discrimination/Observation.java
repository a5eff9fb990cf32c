package dev.gannet.bench.discrimination;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Objects;

/**
 * What a model did with one case: the first decision it took and its cost. This is what the cache
 * keeps per case and the JSON report lists (field names as in docs/bench.md, "cases").
 *
 * @param caseId            the case
 * @param decision          tool, direct, ask, cannot, or error when the backend failed
 * @param tool              the tool first called (as the model named it), or null
 * @param arguments         that call's arguments, or null
 * @param argumentsValid    whether the call parsed and satisfied the tool's schema (false for no call)
 * @param argumentsCorrect  against the case's ground truth; null when there is none or no valid call
 * @param argumentsNote     why the arguments were wrong or invalid, or null
 * @param answer            the final answer text (shortened), or the error message
 * @param latencyMillis     wall time for the case (the first step, or the whole loop)
 * @param work              prompt tokens evaluated and tokens generated for the case, and their times
 * @param steps             model turns taken (1 for single-step suites)
 */
public record Observation(String caseId, Decision decision, String tool, JsonNode arguments, boolean argumentsValid,
                          Boolean argumentsCorrect, String argumentsNote, String answer, double latencyMillis,
                          ModelWork work, int steps) {
    private static final ObjectMapper JSON = new ObjectMapper();
    static final int ANSWER_CHARS = 400;

    public Observation {
        Objects.requireNonNull(caseId, "caseId");
        Objects.requireNonNull(decision, "decision");
        answer = answer == null ? "" : shorten(answer);
        Objects.requireNonNull(work, "work");
    }

    /** Tokens generated for the case. */
    public long generatedTokens() {
        return work.generatedTokens();
    }

    public static Observation error(String caseId, String message, double latencyMillis) {
        return new Observation(caseId, Decision.ERROR, null, null, false, null, null, message, latencyMillis, ModelWork.NONE, 0);
    }

    public boolean calledTool() {
        return decision == Decision.TOOL;
    }

    /** Whether this is what the case asked for: for a direct case, any answer without a tool call. */
    public boolean satisfies(Decision expected) {
        return switch (expected) {
            case TOOL -> decision == Decision.TOOL;
            case DIRECT -> decision == Decision.DIRECT || decision == Decision.ASK || decision == Decision.CANNOT;
            case ASK -> decision == Decision.ASK;
            case CANNOT -> decision == Decision.CANNOT;
            case ERROR -> false;
        };
    }

    public ObjectNode toJson() {
        ObjectNode node = JSON.createObjectNode();
        node.put("id", caseId);
        node.put("decision", decision.wireName());
        node.put("tool", tool);
        node.set("arguments", arguments);
        node.put("arguments_valid", argumentsValid);
        if (argumentsCorrect == null) {
            node.putNull("arguments_correct");
        } else {
            node.put("arguments_correct", argumentsCorrect);
        }
        node.put("arguments_note", argumentsNote);
        node.put("answer", answer);
        node.put("latency_ms", latencyMillis);
        work.writeTo(node);
        node.put("steps", steps);
        return node;
    }

    /** Reads what {@link #toJson()} wrote; throws IllegalArgumentException for anything else. */
    public static Observation fromJson(JsonNode node) {
        if (!node.isObject() || !node.path("id").isTextual() || !node.path("decision").isTextual()) {
            throw new IllegalArgumentException("not a cached case result: " + shorten(node.toString()));
        }
        JsonNode arguments = node.get("arguments");
        JsonNode correct = node.get("arguments_correct");
        return new Observation(node.get("id").textValue(), Decision.fromWireName(node.get("decision").textValue()),
                textOrNull(node.get("tool")), arguments == null || arguments.isNull() ? null : arguments,
                node.path("arguments_valid").asBoolean(), correct == null || correct.isNull() ? null : correct.asBoolean(),
                textOrNull(node.get("arguments_note")), node.path("answer").asText(""),
                node.path("latency_ms").asDouble(), ModelWork.readFrom(node), node.path("steps").asInt());
    }

    private static String textOrNull(JsonNode node) {
        return node == null || node.isNull() ? null : node.asText();
    }

    private static String shorten(String text) {
        return text.length() <= ANSWER_CHARS ? text : text.substring(0, ANSWER_CHARS) + "…";
    }
}

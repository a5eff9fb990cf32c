package dev.gannet.tools;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * What a tool call produced.
 *
 * @param text       what the model reads: the output, or on failure one line saying why
 * @param data       structured fields for clients (matches, paths, byte counts, the error code)
 * @param error      the kind of failure; empty when the call succeeded
 * @param exitStatus the exit status of a command, where one ran
 * @param truncated  whether {@code text} is shorter than the whole output because a cap was reached
 * @param duration   how long the call took, validation included
 */
public record ToolResult(
        String text,
        ObjectNode data,
        Optional<ToolError> error,
        OptionalInt exitStatus,
        boolean truncated,
        Duration duration) {

    public ToolResult {
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(data, "data");
        Objects.requireNonNull(error, "error");
        Objects.requireNonNull(exitStatus, "exitStatus");
        Objects.requireNonNull(duration, "duration");
    }

    /** A successful result; the duration is filled in by the tool machinery. */
    public static ToolResult success(String text, ObjectNode data) {
        return new ToolResult(text, data, Optional.empty(), OptionalInt.empty(), false, Duration.ZERO);
    }

    /** A failed result whose text is the reason; {@code data} gains the error code. */
    public static ToolResult failure(ToolError error, String reason, ObjectNode data) {
        data.put("error", error.code());
        return new ToolResult(reason, data, Optional.of(error), OptionalInt.empty(), false, Duration.ZERO);
    }

    /** A failed result with no structured fields besides the error code. */
    public static ToolResult failure(ToolError error, String reason) {
        return failure(error, reason, JsonNodeFactory.instance.objectNode());
    }

    public boolean ok() {
        return error.isEmpty();
    }

    public ToolResult withTruncated(boolean isTruncated) {
        return new ToolResult(text, data, error, exitStatus, isTruncated, duration);
    }

    public ToolResult withExitStatus(int status) {
        return new ToolResult(text, data, error, OptionalInt.of(status), truncated, duration);
    }

    public ToolResult withDuration(Duration took) {
        return new ToolResult(text, data, error, exitStatus, truncated, took);
    }

    /** The whole result as one JSON object, the form clients receive. */
    public ObjectNode toJson() {
        ObjectNode json = JsonNodeFactory.instance.objectNode();
        json.put("ok", ok());
        error.ifPresent(e -> json.put("error", e.code()));
        json.put("text", text);
        json.set("data", data.deepCopy());
        exitStatus.ifPresent(status -> json.put("exit_status", status));
        json.put("truncated", truncated);
        json.put("duration_ms", duration.toMillis());
        return json;
    }
}

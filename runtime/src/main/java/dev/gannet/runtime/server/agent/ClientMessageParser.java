package dev.gannet.runtime.server.agent;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.Iterator;
import java.util.Set;

/**
 * Reads one client text frame. Strict: an unknown type or field, or a field of the wrong type, is a
 * {@link ProtocolError} naming it, so a client's typo is caught at once rather than ignored.
 */
final class ClientMessageParser {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Set<String> RUN_FIELDS = Set.of("type", "task", "workspace", "model", "mode", "session");
    private static final Set<String> MESSAGE_FIELDS = Set.of("type", "text");
    private static final Set<String> CANCEL_FIELDS = Set.of("type");

    private ClientMessageParser() {
    }

    static ClientMessage parse(String frame) {
        JsonNode root;
        try {
            root = JSON.readTree(frame);
        } catch (JsonProcessingException e) {
            throw new ProtocolError("the message is not valid JSON: " + e.getOriginalMessage());
        }
        if (root == null || !root.isObject()) {
            throw new ProtocolError("a message must be a JSON object with a \"type\"");
        }
        JsonNode type = root.get("type");
        if (type == null || !type.isTextual()) {
            throw new ProtocolError("a message needs a \"type\": run, message or cancel");
        }
        return switch (type.asText()) {
            case "run" -> {
                onlyFields(root, RUN_FIELDS, "run");
                yield new ClientMessage.Run(requiredText(root, "task"), optionalText(root, "workspace"),
                        optionalText(root, "model"), optionalText(root, "mode"), optionalText(root, "session"));
            }
            case "message" -> {
                onlyFields(root, MESSAGE_FIELDS, "message");
                yield new ClientMessage.Message(requiredText(root, "text"));
            }
            case "cancel" -> {
                onlyFields(root, CANCEL_FIELDS, "cancel");
                yield new ClientMessage.Cancel();
            }
            default -> throw new ProtocolError("unknown message type \"" + type.asText()
                    + "\"; expected run, message or cancel");
        };
    }

    private static void onlyFields(JsonNode root, Set<String> allowed, String type) {
        for (Iterator<String> names = root.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (!allowed.contains(name)) {
                throw new ProtocolError("unknown field \"" + name + "\" in a " + type + " message");
            }
        }
    }

    private static String requiredText(JsonNode root, String name) {
        JsonNode node = root.get(name);
        if (node == null || !node.isTextual() || node.asText().isBlank()) {
            throw new ProtocolError("\"" + name + "\" must be a non-empty string");
        }
        return node.asText();
    }

    private static String optionalText(JsonNode root, String name) {
        JsonNode node = root.get(name);
        if (node == null || node.isNull()) {
            return null;
        }
        if (!node.isTextual()) {
            throw new ProtocolError("\"" + name + "\" must be a string");
        }
        return node.asText();
    }
}

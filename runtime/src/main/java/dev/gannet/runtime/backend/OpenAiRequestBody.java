package dev.gannet.runtime.backend;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.gannet.kernels.engine.SamplingParameters;
import dev.gannet.prompts.template.ChatMessage;
import dev.gannet.prompts.template.ToolCall;
import dev.gannet.prompts.template.ToolDeclaration;

/**
 * A {@link CompletionRequest} as the JSON body of OpenAI's {@code POST /v1/chat/completions}, streamed.
 * Only OpenAI's own parameters are sent (temperature, top_p, seed, max_tokens, stop, the penalties),
 * so that strict servers accept the body too; top-k and min-p stay the server's defaults.
 */
final class OpenAiRequestBody {
    private static final ObjectMapper JSON = new ObjectMapper();

    private OpenAiRequestBody() {
    }

    static ObjectNode of(String model, CompletionRequest request) {
        ObjectNode body = JSON.createObjectNode();
        body.put("model", model);
        body.put("stream", true);
        body.putObject("stream_options").put("include_usage", true);
        ArrayNode messages = body.putArray("messages");
        for (ChatMessage message : request.messages()) {
            messages.add(message(message));
        }
        if (!request.tools().isEmpty()) {
            ArrayNode tools = body.putArray("tools");
            for (ToolDeclaration tool : request.tools()) {
                tools.add(tool(tool));
            }
            body.set("tool_choice", toolChoice(request.toolChoice()));
        }
        GenerationSettings settings = request.settings();
        SamplingParameters sampling = settings.sampling();
        body.put("temperature", sampling.isGreedy() ? 0.0 : sampling.temperature());
        body.put("top_p", sampling.topP());
        body.put("seed", sampling.seed());
        body.put("max_tokens", settings.maxTokens());
        if (sampling.frequencyPenalty() != 0) {
            body.put("frequency_penalty", sampling.frequencyPenalty());
        }
        if (sampling.presencePenalty() != 0) {
            body.put("presence_penalty", sampling.presencePenalty());
        }
        if (!settings.stop().isEmpty()) {
            ArrayNode stop = body.putArray("stop");
            settings.stop().forEach(stop::add);
        }
        return body;
    }

    private static ObjectNode message(ChatMessage message) {
        ObjectNode node = JSON.createObjectNode();
        node.put("role", message.role());
        if (message.content() == null) {
            node.putNull("content");
        } else {
            node.put("content", message.content());
        }
        if (!message.toolCalls().isEmpty()) {
            ArrayNode calls = node.putArray("tool_calls");
            int index = 0;
            for (ToolCall call : message.toolCalls()) {
                ObjectNode entry = calls.addObject();
                // OpenAI requires an id; a call made without one gets one by its place in the message.
                entry.put("id", call.id() != null ? call.id() : "call_" + index);
                entry.put("type", "function");
                ObjectNode function = entry.putObject("function");
                function.put("name", call.name());
                function.put("arguments", argumentsText(call));
                index++;
            }
        }
        if (message.toolCallId() != null) {
            node.put("tool_call_id", message.toolCallId());
        }
        if (message.name() != null) {
            node.put("name", message.name());
        }
        return node;
    }

    /** OpenAI sends arguments as JSON text, not as an object. */
    private static String argumentsText(ToolCall call) {
        try {
            return JSON.writeValueAsString(call.arguments());
        } catch (JsonProcessingException e) {
            throw new BackendException("the arguments of the call to " + call.name() + " cannot be written as JSON: "
                    + e.getOriginalMessage());
        }
    }

    private static ObjectNode tool(ToolDeclaration tool) {
        ObjectNode node = JSON.createObjectNode();
        node.put("type", "function");
        ObjectNode function = node.putObject("function");
        function.put("name", tool.name());
        if (tool.description() != null) {
            function.put("description", tool.description());
        }
        if (tool.parameters() != null) {
            function.set("parameters", JSON.valueToTree(tool.parameters()));
        } else {
            function.putObject("parameters").put("type", "object");
        }
        return node;
    }

    private static com.fasterxml.jackson.databind.JsonNode toolChoice(ToolChoice choice) {
        return switch (choice) {
            case ToolChoice.Auto auto -> JSON.getNodeFactory().textNode("auto");
            case ToolChoice.None none -> JSON.getNodeFactory().textNode("none");
            case ToolChoice.Required required -> JSON.getNodeFactory().textNode("required");
            case ToolChoice.Named named -> {
                ObjectNode node = JSON.createObjectNode();
                node.put("type", "function");
                node.putObject("function").put("name", named.name());
                yield node;
            }
        };
    }
}

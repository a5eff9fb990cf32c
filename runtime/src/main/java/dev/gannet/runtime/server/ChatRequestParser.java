package dev.gannet.runtime.server;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.gannet.kernels.engine.SamplingParameters;
import dev.gannet.prompts.template.ChatMessage;
import dev.gannet.prompts.template.ToolCall;
import dev.gannet.prompts.template.ToolDeclaration;
import dev.gannet.runtime.backend.GenerationSettings;
import dev.gannet.runtime.backend.ToolChoice;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Pattern;

/**
 * Reads and validates a chat completions request body the way OpenAI does: every problem is one
 * {@link ApiError} (400) naming the parameter, and a field OpenAI does not know is refused rather than
 * silently ignored. Fields OpenAI knows that change nothing here (a {@code user} tag, {@code store})
 * are accepted; ones whose effect Gannet cannot give ({@code n > 1}, logprobs) are refused.
 */
final class ChatRequestParser {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern FUNCTION_NAME = Pattern.compile("[a-zA-Z0-9_-]{1,64}");
    private static final Set<String> KNOWN = Set.of("model", "messages", "tools", "tool_choice",
            "parallel_tool_calls", "stop", "temperature", "top_p", "seed", "max_tokens", "max_completion_tokens",
            "frequency_penalty", "presence_penalty", "stream", "stream_options", "n", "user", "store", "metadata",
            "logprobs", "top_logprobs", "response_format", "service_tier");
    private static final Set<String> ROLES = Set.of("system", "developer", "user", "assistant", "tool");
    /** llama.cpp's default, used when the client sends no temperature. */
    private static final float DEFAULT_TEMPERATURE = 0.8f;

    private ChatRequestParser() {
    }

    static ChatCall parse(String body) {
        JsonNode root;
        try {
            root = JSON.readTree(body);
        } catch (JsonProcessingException e) {
            throw ApiError.invalid(null, "We could not parse the JSON body of your request: "
                    + e.getOriginalMessage());
        }
        if (root == null || !root.isObject()) {
            throw ApiError.invalid(null, "The request body must be a JSON object.");
        }
        for (Iterator<String> names = root.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (!KNOWN.contains(name)) {
                throw ApiError.invalid(name, "Unrecognized request argument supplied: " + name);
            }
        }
        refuseWhatCannotBeHonoured(root);
        String model = requiredString(root, "model");
        List<ChatMessage> messages = messages(root.get("messages"));
        List<ToolDeclaration> tools = tools(root.get("tools"));
        ToolChoice choice = toolChoice(root.get("tool_choice"), tools);
        boolean parallel = optionalBoolean(root, "parallel_tool_calls", true);
        boolean stream = optionalBoolean(root, "stream", false);
        boolean includeUsage = streamOptions(root.get("stream_options"), stream);
        GenerationSettings settings = new GenerationSettings(sampling(root), maxTokens(root), stop(root.get("stop")),
                true);
        return new ChatCall(model, messages, tools, choice, parallel, settings, stream, includeUsage);
    }

    private static void refuseWhatCannotBeHonoured(JsonNode root) {
        JsonNode n = root.get("n");
        if (present(n) && !(n.isIntegralNumber() && n.asInt() == 1)) {
            throw ApiError.invalid("n", "Only n = 1 is supported: the model generates one choice per request.");
        }
        JsonNode logprobs = root.get("logprobs");
        if (present(logprobs) && !(logprobs.isBoolean() && !logprobs.asBoolean())) {
            throw ApiError.invalid("logprobs", "logprobs are not supported by this server.");
        }
        if (present(root.get("top_logprobs"))) {
            throw ApiError.invalid("top_logprobs", "logprobs are not supported by this server.");
        }
        JsonNode format = root.get("response_format");
        if (present(format) && !"text".equals(format.path("type").asText())) {
            throw ApiError.invalid("response_format.type",
                    "Only response_format {\"type\": \"text\"} is supported by this server.");
        }
    }

    // ---- messages ----

    private static List<ChatMessage> messages(JsonNode node) {
        if (!present(node)) {
            throw ApiError.invalid("messages", "Missing required parameter: 'messages'.");
        }
        if (!node.isArray() || node.isEmpty()) {
            throw ApiError.invalid("messages", "'messages' must be a non-empty array.");
        }
        List<ChatMessage> messages = new ArrayList<>(node.size());
        for (int i = 0; i < node.size(); i++) {
            messages.add(message(node.get(i), "messages[" + i + "]"));
        }
        return messages;
    }

    private static ChatMessage message(JsonNode node, String param) {
        if (!node.isObject()) {
            throw ApiError.invalid(param, "Each message must be an object with a 'role'.");
        }
        JsonNode roleNode = node.get("role");
        if (roleNode == null || !roleNode.isTextual() || !ROLES.contains(roleNode.asText())) {
            throw ApiError.invalid(param + ".role", "Invalid value for 'role': expected one of system, developer, "
                    + "user, assistant, tool.");
        }
        String role = roleNode.asText();
        String content = content(node.get("content"), param + ".content");
        String name = optionalText(node, "name", param + ".name");
        return switch (role) {
            // OpenAI's newer name for the system message; chat templates know only "system".
            case "system", "developer" -> requireContent(ChatMessage.system(content), param).withName(name);
            case "user" -> requireContent(ChatMessage.user(content), param).withName(name);
            case "assistant" -> assistant(node, content, param).withName(name);
            case "tool" -> {
                String callId = optionalText(node, "tool_call_id", param + ".tool_call_id");
                if (callId == null) {
                    throw ApiError.invalid(param + ".tool_call_id",
                            "Missing required parameter: 'tool_call_id' (a tool message answers one tool call).");
                }
                yield requireContent(ChatMessage.tool(callId, content), param);
            }
            default -> throw new IllegalStateException(role);
        };
    }

    private static ChatMessage requireContent(ChatMessage message, String param) {
        if (message.content() == null) {
            throw ApiError.invalid(param + ".content", "Missing required parameter: 'content'.");
        }
        return message;
    }

    private static ChatMessage assistant(JsonNode node, String content, String param) {
        JsonNode calls = node.get("tool_calls");
        if (!present(calls)) {
            if (content == null) {
                throw ApiError.invalid(param + ".content",
                        "An assistant message needs 'content' or 'tool_calls'.");
            }
            return ChatMessage.assistant(content);
        }
        if (!calls.isArray()) {
            throw ApiError.invalid(param + ".tool_calls", "'tool_calls' must be an array.");
        }
        List<ToolCall> toolCalls = new ArrayList<>();
        for (int i = 0; i < calls.size(); i++) {
            toolCalls.add(historicCall(calls.get(i), param + ".tool_calls[" + i + "]"));
        }
        return ChatMessage.assistant(content, toolCalls);
    }

    /** A call the assistant made earlier in the conversation, sent back by the client. */
    private static ToolCall historicCall(JsonNode node, String param) {
        JsonNode function = node.path("function");
        if (!node.isObject() || !function.isObject()) {
            throw ApiError.invalid(param, "Each tool call needs a 'function' object with 'name' and 'arguments'.");
        }
        String name = function.path("name").isTextual() ? function.get("name").asText() : null;
        if (name == null) {
            throw ApiError.invalid(param + ".function.name", "Missing required parameter: 'name'.");
        }
        String id = optionalText(node, "id", param + ".id");
        JsonNode arguments = function.get("arguments");
        Map<String, Object> parsed = Map.of();
        if (present(arguments)) {
            if (!arguments.isTextual()) {
                throw ApiError.invalid(param + ".function.arguments",
                        "'arguments' must be a string holding a JSON object.");
            }
            try {
                JsonNode object = JSON.readTree(arguments.asText());
                if (object != null && !object.isObject()) {
                    throw ApiError.invalid(param + ".function.arguments", "'arguments' must hold a JSON object.");
                }
                parsed = object == null ? Map.of() : JSON.convertValue(object, new TypeReference<>() {
                });
            } catch (JsonProcessingException e) {
                throw ApiError.invalid(param + ".function.arguments",
                        "'arguments' is not valid JSON: " + e.getOriginalMessage());
            }
        }
        return new ToolCall(id, name, parsed);
    }

    /** A string, or an array of text parts joined; null when absent or null. */
    private static String content(JsonNode node, String param) {
        if (!present(node)) {
            return null;
        }
        if (node.isTextual()) {
            return node.asText();
        }
        if (!node.isArray()) {
            throw ApiError.invalid(param, "'content' must be a string or an array of text parts.");
        }
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < node.size(); i++) {
            JsonNode part = node.get(i);
            if (!"text".equals(part.path("type").asText()) || !part.path("text").isTextual()) {
                throw ApiError.invalid(param + "[" + i + "]",
                        "Only text content parts ({\"type\": \"text\", \"text\": …}) are supported.");
            }
            text.append(part.get("text").asText());
        }
        return text.toString();
    }

    // ---- tools ----

    private static List<ToolDeclaration> tools(JsonNode node) {
        if (!present(node)) {
            return List.of();
        }
        if (!node.isArray()) {
            throw ApiError.invalid("tools", "'tools' must be an array.");
        }
        List<ToolDeclaration> tools = new ArrayList<>();
        Set<String> names = new HashSet<>();
        for (int i = 0; i < node.size(); i++) {
            String param = "tools[" + i + "]";
            JsonNode tool = node.get(i);
            if (!"function".equals(tool.path("type").asText())) {
                throw ApiError.invalid(param + ".type", "Each tool must have \"type\": \"function\".");
            }
            JsonNode function = tool.path("function");
            if (!function.isObject()) {
                throw ApiError.invalid(param + ".function", "Missing required parameter: 'function'.");
            }
            JsonNode name = function.get("name");
            if (name == null || !name.isTextual() || !FUNCTION_NAME.matcher(name.asText()).matches()) {
                throw ApiError.invalid(param + ".function.name", "A function name must be 1 to 64 letters, digits, "
                        + "underscores or dashes.");
            }
            if (!names.add(name.asText())) {
                throw ApiError.invalid(param + ".function.name", "Duplicate function name: " + name.asText());
            }
            String description = optionalText(function, "description", param + ".function.description");
            JsonNode parameters = function.get("parameters");
            if (present(parameters) && !parameters.isObject()) {
                throw ApiError.invalid(param + ".function.parameters",
                        "'parameters' must be a JSON schema object.");
            }
            Map<String, Object> schema = present(parameters)
                    ? JSON.convertValue(parameters, new TypeReference<>() {
                    }) : null;
            tools.add(new ToolDeclaration(name.asText(), description, schema));
        }
        return tools;
    }

    private static ToolChoice toolChoice(JsonNode node, List<ToolDeclaration> tools) {
        if (!present(node)) {
            return ToolChoice.auto();
        }
        if (node.isTextual()) {
            return switch (node.asText()) {
                case "auto" -> ToolChoice.auto();
                case "none" -> ToolChoice.none();
                case "required" -> {
                    if (tools.isEmpty()) {
                        throw ApiError.invalid("tool_choice", "tool_choice 'required' needs at least one tool.");
                    }
                    yield ToolChoice.required();
                }
                default -> throw ApiError.invalid("tool_choice",
                        "Invalid value for 'tool_choice': expected 'none', 'auto', 'required' or a named function.");
            };
        }
        JsonNode name = node.path("function").path("name");
        if (!node.isObject() || !"function".equals(node.path("type").asText()) || !name.isTextual()) {
            throw ApiError.invalid("tool_choice",
                    "A named tool_choice is {\"type\": \"function\", \"function\": {\"name\": …}}.");
        }
        if (tools.stream().noneMatch(tool -> tool.name().equals(name.asText()))) {
            throw ApiError.invalid("tool_choice", "tool_choice names '" + name.asText()
                    + "', which is not one of the tools.");
        }
        return ToolChoice.named(name.asText());
    }

    // ---- generation settings ----

    private static SamplingParameters sampling(JsonNode root) {
        float temperature = (float) number(root, "temperature", 0, 2, DEFAULT_TEMPERATURE);
        double topP = number(root, "top_p", 0, 1, 0.95);
        float frequency = (float) number(root, "frequency_penalty", -2, 2, 0);
        float presence = (float) number(root, "presence_penalty", -2, 2, 0);
        JsonNode seedNode = root.get("seed");
        long seed;
        if (present(seedNode)) {
            if (!seedNode.canConvertToLong() || !seedNode.isIntegralNumber()) {
                throw ApiError.invalid("seed", "'seed' must be an integer.");
            }
            seed = seedNode.asLong();
        } else {
            seed = ThreadLocalRandom.current().nextLong();
        }
        SamplingParameters sampling = SamplingParameters.defaults(seed).withTemperature(temperature)
                .withPenalties(1f, frequency, presence, 64);
        // top_p 0 keeps only the most likely token: greedy, which the sampler spells temperature 0.
        return topP == 0 ? sampling.withTemperature(0) : sampling.withTopP((float) topP);
    }

    private static int maxTokens(JsonNode root) {
        String param = present(root.get("max_completion_tokens")) ? "max_completion_tokens" : "max_tokens";
        JsonNode node = root.get(param);
        if (!present(node)) {
            return GenerationSettings.DEFAULT_MAX_TOKENS;
        }
        if (!node.isIntegralNumber() || !node.canConvertToInt() || node.asInt() < 1) {
            throw ApiError.invalid(param, "'" + param + "' must be an integer of at least 1.");
        }
        return node.asInt();
    }

    private static List<String> stop(JsonNode node) {
        if (!present(node)) {
            return List.of();
        }
        if (node.isTextual()) {
            return List.of(node.asText());
        }
        if (!node.isArray() || node.size() > 4) {
            throw ApiError.invalid("stop", "'stop' must be a string or an array of at most 4 strings.");
        }
        List<String> stops = new ArrayList<>();
        for (JsonNode element : node) {
            if (!element.isTextual() || element.asText().isEmpty()) {
                throw ApiError.invalid("stop", "Each stop sequence must be a non-empty string.");
            }
            stops.add(element.asText());
        }
        return stops;
    }

    private static boolean streamOptions(JsonNode node, boolean stream) {
        if (!present(node)) {
            return false;
        }
        if (!stream) {
            throw ApiError.invalid("stream_options",
                    "The 'stream_options' parameter is only allowed when 'stream' is enabled.");
        }
        if (!node.isObject()) {
            throw ApiError.invalid("stream_options", "'stream_options' must be an object.");
        }
        JsonNode include = node.get("include_usage");
        if (present(include) && !include.isBoolean()) {
            throw ApiError.invalid("stream_options.include_usage", "'include_usage' must be a boolean.");
        }
        return present(include) && include.asBoolean();
    }

    // ---- small readers ----

    private static boolean present(JsonNode node) {
        return node != null && !node.isNull();
    }

    private static String requiredString(JsonNode root, String name) {
        JsonNode node = root.get(name);
        if (!present(node)) {
            throw ApiError.invalid(name, "Missing required parameter: '" + name + "'.");
        }
        if (!node.isTextual()) {
            throw ApiError.invalid(name, "'" + name + "' must be a string.");
        }
        return node.asText();
    }

    private static String optionalText(JsonNode parent, String name, String param) {
        JsonNode node = parent.get(name);
        if (!present(node)) {
            return null;
        }
        if (!node.isTextual()) {
            throw ApiError.invalid(param, "'" + name + "' must be a string.");
        }
        return node.asText();
    }

    private static boolean optionalBoolean(JsonNode root, String name, boolean fallback) {
        JsonNode node = root.get(name);
        if (!present(node)) {
            return fallback;
        }
        if (!node.isBoolean()) {
            throw ApiError.invalid(name, "'" + name + "' must be a boolean.");
        }
        return node.asBoolean();
    }

    private static double number(JsonNode root, String name, double min, double max, double fallback) {
        JsonNode node = root.get(name);
        if (!present(node)) {
            return fallback;
        }
        if (!node.isNumber() || node.asDouble() < min || node.asDouble() > max) {
            throw ApiError.invalid(name, "'" + name + "' must be a number from " + trim(min) + " to " + trim(max)
                    + ".");
        }
        return node.asDouble();
    }

    private static String trim(double value) {
        return value == Math.rint(value) ? Long.toString((long) value) : Double.toString(value);
    }
}

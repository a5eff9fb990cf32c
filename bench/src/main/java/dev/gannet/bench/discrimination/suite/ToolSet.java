package dev.gannet.bench.discrimination.suite;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.gannet.prompts.template.ToolDeclaration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The tools a case offers, made fit for a model: names reduced to letters, digits, {@code _} and
 * {@code -} (BFCL's {@code math.factorial} becomes {@code math_factorial}, which function-calling
 * templates and OpenAI's API accept), schemas in JSON Schema. Keeps the way back to the original
 * names and rewrites ground truth to the new ones, so checking compares like with like.
 *
 * @param declarations  what the model is offered
 * @param originalNames model-facing name → the name in the source
 */
record ToolSet(List<ToolDeclaration> declarations, Map<String, String> originalNames) {
    private static final ObjectMapper JSON = new ObjectMapper();

    /**
     * Reads declarations in BFCL's form ({@code {name, description, parameters}}) or OpenAI's
     * ({@code {type: "function", function: {…}}}).
     */
    static ToolSet of(List<JsonNode> functions) {
        List<ToolDeclaration> declarations = new ArrayList<>();
        Map<String, String> original = new LinkedHashMap<>();
        Map<String, String> renamed = new HashMap<>();
        for (JsonNode function : functions) {
            JsonNode body = function.has("function") ? function.get("function") : function;
            JsonNode name = body.get("name");
            if (name == null || !name.isTextual() || name.textValue().isBlank()) {
                throw new IllegalArgumentException("a tool declaration has no name: " + shorten(function));
            }
            String modelName = unique(modelSafe(name.textValue()), original);
            original.put(modelName, name.textValue());
            renamed.put(name.textValue(), modelName);
            JsonNode parameters = body.get("parameters");
            Map<String, Object> schema = parameters == null || parameters.isNull() ? null
                    : JSON.convertValue(SchemaTypes.toJsonSchema(parameters), Map.class);
            declarations.add(new ToolDeclaration(modelName, body.path("description").asText(""), schema));
        }
        return new ToolSet(declarations, original);
    }

    static ToolSet of(ArrayNode functions) {
        List<JsonNode> list = new ArrayList<>();
        functions.forEach(list::add);
        return of(list);
    }

    /** The model-facing name of a tool named {@code name} in the source (unchanged when not declared here). */
    String modelName(String name) {
        for (Map.Entry<String, String> entry : originalNames.entrySet()) {
            if (entry.getValue().equals(name)) {
                return entry.getKey();
            }
        }
        return name;
    }

    /** BFCL ground truth ({@code [{tool: {…}}, …]}) with each tool under its model-facing name. */
    JsonNode renameGroundTruth(JsonNode groundTruth) {
        ArrayNode out = JSON.createArrayNode();
        for (JsonNode entry : groundTruth) {
            ObjectNode renamed = out.addObject();
            for (Iterator<Map.Entry<String, JsonNode>> it = entry.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> call = it.next();
                renamed.set(modelName(call.getKey()), call.getValue());
            }
        }
        return out;
    }

    static String modelSafe(String name) {
        return name.replaceAll("[^A-Za-z0-9_-]", "_");
    }

    private static String unique(String name, Map<String, String> taken) {
        String candidate = name;
        for (int n = 2; taken.containsKey(candidate); n++) {
            candidate = name + "_" + n;
        }
        return candidate;
    }

    private static String shorten(JsonNode node) {
        String text = node.toString();
        return text.length() <= 120 ? text : text.substring(0, 120) + "…";
    }
}

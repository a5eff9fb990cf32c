package dev.gannet.prompts.grammar;

import com.fasterxml.jackson.databind.JsonNode;
import dev.gannet.prompts.toolcall.DeclaredTools;
import dev.gannet.prompts.toolcall.ToolDeclaration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The grammar of Qwen3-Coder's XML calls:
 * {@code <tool_call>\n<function=NAME>\n<parameter=KEY>\nVALUE\n</parameter>\n…</function>\n</tool_call>}.
 * A string parameter's value is any text without {@code </parameter>} (or, with an enum, one of its
 * values between newlines); any other type is JSON of that type, as the parser reads it.
 * Only declared parameters are allowed.
 */
final class XmlCalls {
    private static final String PARAMETER_CLOSE = "</parameter>";

    private XmlCalls() {
    }

    static GrammarState root(DeclaredTools tools) {
        List<String> options = new ArrayList<>();
        Map<String, XmlTool> byOption = new HashMap<>();
        for (ToolDeclaration tool : tools.declarations()) {
            String option = tool.name() + ">";
            options.add(option);
            byOption.put(option, xmlTool(tool));
        }
        Choice names = new Choice(options, option -> new Frame[] {
                WhitespaceFrame.START, XmlParametersFrame.start(byOption.get(option))});
        return GrammarState.of(new LiteralFrame("<tool_call>"), WhitespaceFrame.START, new LiteralFrame("<function="),
                new ChoiceFrame(names));
    }

    private static XmlTool xmlTool(ToolDeclaration tool) {
        JsonNode properties = tool.parameters().path("properties");
        List<String> names = new ArrayList<>();
        List<Frame[]> values = new ArrayList<>();
        for (String name : (Iterable<String>) properties::fieldNames) {
            names.add(name);
            values.add(valueFrames(properties.get(name)));
        }
        long required = 0;
        for (JsonNode name : tool.parameters().path("required")) {
            int index = names.indexOf(name.asText());
            if (index < 0) {
                names.add(name.asText());
                values.add(valueFrames(null));
                index = names.size() - 1;
            }
            required |= 1L << index;
        }
        return new XmlTool(names, values, required);
    }

    /** How one parameter's value is written, up to and including {@code </parameter>}. */
    private static Frame[] valueFrames(JsonNode schema) {
        if (schema == null || !takesJson(schema)) {
            List<String> texts = fixedTexts(schema);
            if (!texts.isEmpty()) {
                return new Frame[] {new LiteralFrame("\n"), new ChoiceFrame(new Choice(texts, text -> new Frame[0])),
                        new LiteralFrame("\n" + PARAMETER_CLOSE)};
            }
            return new Frame[] {new TextUntilFrame(PARAMETER_CLOSE, 0)};
        }
        return new Frame[] {WhitespaceFrame.START, new ValueFrame(SchemaCompiler.compile(schema)), WhitespaceFrame.START,
                new LiteralFrame(PARAMETER_CLOSE)};
    }

    /** The values an {@code enum} or {@code const} of strings allows; empty when there is none. */
    private static List<String> fixedTexts(JsonNode schema) {
        List<String> texts = new ArrayList<>();
        if (schema == null) {
            return texts;
        }
        JsonNode values = schema.has("const") ? schema.get("const") : schema.get("enum");
        if (values != null) {
            for (JsonNode value : values.isArray() ? values : List.of(values)) {
                if (!value.isTextual()) {
                    return List.of(); // Typed enums are not written as XML text; leave the value free.
                }
                texts.add(value.textValue());
            }
        }
        return texts;
    }

    /** Whether the parser reads this parameter's value as JSON: its type is given and is not (or does not allow) a string. */
    private static boolean takesJson(JsonNode schema) {
        JsonNode type = schema.path("type");
        if (type.isTextual()) {
            return !type.textValue().equals("string");
        }
        if (type.isArray()) {
            for (JsonNode name : type) {
                if (name.asText().equals("string")) {
                    return false;
                }
            }
            return true;
        }
        return false;
    }
}

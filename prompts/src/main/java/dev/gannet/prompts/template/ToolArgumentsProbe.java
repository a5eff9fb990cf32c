package dev.gannet.prompts.template;

import dev.gannet.prompts.jinja.Template;
import dev.gannet.prompts.jinja.TemplateException;
import java.time.Clock;
import java.util.List;
import java.util.Map;

/**
 * Finds out which {@link ToolArgumentsStyle} a template wants by rendering one tool call both ways and
 * keeping the form whose arguments come out as JSON; a template that renders neither (it has no tool
 * calls, or refuses the probe) gets objects. {@code scripts/render_chat_templates.py} probes the same way.
 */
final class ToolArgumentsProbe {
    static final String MARKER = "\"probe_argument\": \"probe_value\"";
    private static final List<ChatMessage> PROBE = List.of(
            ChatMessage.user("Probe."),
            ChatMessage.assistant(null, List.of(new ToolCall("probe0001", "probe_tool", Map.of("probe_argument", "probe_value")))));
    private static final List<ToolDeclaration> PROBE_TOOLS = List.of(new ToolDeclaration("probe_tool", "A probe.",
            Map.of("type", "object",
                    "properties", Map.of("probe_argument", Map.of("type", "string", "description", "A probe argument.")),
                    "required", List.of("probe_argument"))));

    private ToolArgumentsProbe() {
    }

    /** The style for {@code template}, rendered with {@code extraVariables} besides the probe conversation. */
    static ToolArgumentsStyle probe(Template template, Map<String, ?> extraVariables) {
        if (rendersArguments(template, ToolArgumentsStyle.OBJECT, extraVariables)) {
            return ToolArgumentsStyle.OBJECT;
        }
        if (rendersArguments(template, ToolArgumentsStyle.JSON_STRING, extraVariables)) {
            return ToolArgumentsStyle.JSON_STRING;
        }
        return ToolArgumentsStyle.OBJECT;
    }

    private static boolean rendersArguments(Template template, ToolArgumentsStyle style, Map<String, ?> extraVariables) {
        Map<String, Object> variables = new java.util.HashMap<>(extraVariables);
        variables.put("messages", ConversationValues.messages(PROBE, style));
        variables.put("tools", ConversationValues.tools(PROBE_TOOLS));
        variables.put("documents", null);
        variables.put("add_generation_prompt", false);
        variables.put("bos_token", "<s>");
        variables.put("eos_token", "</s>");
        try {
            return template.render(variables, Clock.systemUTC()).contains(MARKER);
        } catch (TemplateException e) {
            return false;
        }
    }
}

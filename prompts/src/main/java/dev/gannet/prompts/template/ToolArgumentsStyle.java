package dev.gannet.prompts.template;

/**
 * How a template wants tool-call arguments. Most print them with {@code tojson} and want the object;
 * some ({@code '…' + tool_call.function.arguments + '…'}) need the JSON text, as the OpenAI format
 * sends it. The text is written as Python's {@code json.dumps(arguments, ensure_ascii=False)} would.
 */
public enum ToolArgumentsStyle {
    OBJECT,
    JSON_STRING
}

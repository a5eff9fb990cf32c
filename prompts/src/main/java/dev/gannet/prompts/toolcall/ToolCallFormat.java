package dev.gannet.prompts.toolcall;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * The ways models write tool calls. Each format reads its own syntax and the variants its models
 * are known to drift into; {@link #AUTO} reads them all, explicit markers first, then fenced JSON,
 * then bare JSON.
 */
public enum ToolCallFormat {
    /** Every syntax below, tried in this order at each position: the tolerant fallback chain. */
    AUTO("auto"),
    /** Hermes, Qwen2.5: {@code <tool_call>{"name": …, "arguments": …}</tool_call>}, or ```json fences (Qwen2.5-Coder). */
    HERMES("hermes"),
    /** A bare JSON call or list of calls at the start of a line, or one in a ```json fence. */
    JSON("json"),
    /** Llama 3.x: {@code {"name": …, "parameters": …}}, bare or after {@code <|python_tag|>}. */
    LLAMA3("llama3"),
    /** Mistral: {@code [TOOL_CALLS] [{…}]} and {@code [TOOL_CALLS]NAME[ARGS]{…}}. */
    MISTRAL("mistral"),
    /** Qwen3-Coder: {@code <tool_call><function=NAME><parameter=ARG>value</parameter></function></tool_call>}. */
    QWEN3_XML("qwen3-xml"),
    /** Phi-4: {@code <|tool_call|>[{…}]<|/tool_call|>}. */
    PHI4("phi4");

    private final String cliName;

    ToolCallFormat(String cliName) {
        this.cliName = cliName;
    }

    /** The name used on the command line and in configuration ({@code qwen3-xml}). */
    public String cliName() {
        return cliName;
    }

    /**
     * The format named {@code name} (as {@link #cliName()}, case ignored).
     *
     * @throws IllegalArgumentException listing the known names
     */
    public static ToolCallFormat named(String name) {
        for (ToolCallFormat format : values()) {
            if (format.cliName.equalsIgnoreCase(name.strip())) {
                return format;
            }
        }
        throw new IllegalArgumentException("unknown tool-call format '" + name + "' (known: "
                + Arrays.stream(values()).map(ToolCallFormat::cliName).collect(Collectors.joining(", ")) + ")");
    }

    /**
     * The format a chat template teaches its model, from the markers the template's text contains;
     * {@link #AUTO} when it contains none.
     */
    public static ToolCallFormat detect(String text) {
        if (text.contains("<|tool_call|>")) {
            return PHI4;
        }
        if (text.contains("[TOOL_CALLS]")) {
            return MISTRAL;
        }
        // Qwen3-Coder's template has both <tool_call> and <function=; functionary's has <function= alone,
        // and the XML reader also takes its JSON-bodied <function=NAME>{…}</function>.
        if (text.contains("<function=")) {
            return QWEN3_XML;
        }
        if (text.contains("<tool_call>")) {
            return HERMES;
        }
        if (text.contains("<|python_tag|>") || text.toLowerCase(Locale.ROOT).contains("ipython")) {
            return LLAMA3;
        }
        return AUTO;
    }

    /** The syntaxes this format reads, in the order they are tried at each position. */
    List<CallSyntax> syntaxes() {
        return switch (this) {
            case AUTO -> List.of(TaggedSyntax.hermes(), TaggedSyntax.phi4(), new XmlFunctionSyntax(),
                    new PythonTagSyntax(), new MistralSyntax(), new FencedJsonSyntax(), new BareJsonSyntax());
            case HERMES -> List.of(TaggedSyntax.hermes(), new FencedJsonSyntax());
            case JSON -> List.of(new FencedJsonSyntax(), new BareJsonSyntax());
            case LLAMA3 -> List.of(new PythonTagSyntax(), new BareJsonSyntax());
            case MISTRAL -> List.of(new MistralSyntax());
            case QWEN3_XML -> List.of(TaggedSyntax.hermes(), new XmlFunctionSyntax());
            case PHI4 -> List.of(TaggedSyntax.phi4());
        };
    }
}

package dev.gannet.prompts.grammar;

import dev.gannet.prompts.toolcall.DeclaredTools;
import dev.gannet.prompts.toolcall.ToolCallFormat;
import dev.gannet.prompts.toolcall.ToolDeclaration;
import java.util.ArrayList;
import java.util.List;

/**
 * The grammar of a valid call to one of the declared tools, written the way a format writes it,
 * with the triggers that start it. Applied lazily, as llama.cpp's lazy grammars are: the model
 * writes freely until it writes a trigger, then the grammar holds until the call is complete.
 *
 * <table>
 *   <caption>What each format's grammar allows</caption>
 *   <tr><th>format</th><th>trigger</th><th>call</th></tr>
 *   <tr><td>hermes</td><td>{@code <tool_call>}</td><td>{@code <tool_call>CALL</tool_call>}</td></tr>
 *   <tr><td>json</td><td>{@code {"name"} at a line start</td><td>{@code CALL}</td></tr>
 *   <tr><td>auto</td><td>both of the above</td><td>as they</td></tr>
 *   <tr><td>llama3</td><td>{@code <|python_tag|>}, {@code {"name"} at a line start</td><td>{@code <|python_tag|>CALL}, {@code CALL}</td></tr>
 *   <tr><td>mistral</td><td>{@code [TOOL_CALLS]}</td><td>{@code [TOOL_CALLS][CALL, …]}</td></tr>
 *   <tr><td>phi4</td><td>{@code <|tool_call|>}</td><td>{@code <|tool_call|>[CALL, …]<|/tool_call|>}</td></tr>
 *   <tr><td>qwen3-xml</td><td>{@code <tool_call>}</td><td>{@code <tool_call><function=NAME><parameter=KEY>VALUE</parameter>…</function></tool_call>}</td></tr>
 * </table>
 *
 * CALL is {@code {"name": "TOOL", "arguments": ARGS}} in that order ({@code "parameters"} is
 * accepted for {@code "arguments"}), TOOL a declared name and ARGS valid against its schema (see
 * {@link SchemaCompiler} for where the grammar is stricter than the schema). Whitespace between
 * tokens is bounded. Immutable.
 *
 * <p>The bare-JSON trigger looks only at line starts; unlike the parser, it does not know about
 * code fences, so a model writing {@code {"name"} at the start of a line inside a code block is
 * held to a call there.
 */
public final class ToolCallGrammar {
    private static final List<String> ARGUMENT_KEYS = List.of("arguments", "parameters");

    private final ToolCallFormat format;
    private final List<Trigger> triggers;

    private ToolCallGrammar(ToolCallFormat format, List<Trigger> triggers) {
        this.format = format;
        this.triggers = List.copyOf(triggers);
    }

    /**
     * The grammar for calls to {@code tools} in {@code format}.
     *
     * @throws IllegalArgumentException when no tools are declared (there is nothing to constrain
     *                                  the name to), or a schema is beyond what the grammar supports
     */
    public static ToolCallGrammar of(ToolCallFormat format, DeclaredTools tools) {
        if (tools.acceptsAnyName() || tools.declarations().isEmpty()) {
            throw new IllegalArgumentException("constrained tool calls need declared tools");
        }
        List<Trigger> triggers = new ArrayList<>();
        switch (format) {
            case HERMES -> triggers.add(hermes(tools));
            case JSON -> triggers.add(bareJson(tools));
            case AUTO -> {
                triggers.add(hermes(tools));
                triggers.add(bareJson(tools));
            }
            case LLAMA3 -> {
                triggers.add(Trigger.of("<|python_tag|>", false, GrammarState.of(new LiteralFrame("<|python_tag|>"),
                        WhitespaceFrame.START, new ValueFrame(call(tools)))));
                triggers.add(bareJson(tools));
            }
            case MISTRAL -> triggers.add(Trigger.of("[TOOL_CALLS]", false, GrammarState.of(new LiteralFrame("[TOOL_CALLS]"),
                    WhitespaceFrame.START, new ValueFrame(new ValueSpec.ArrayValue(call(tools), true)))));
            case PHI4 -> triggers.add(Trigger.of("<|tool_call|>", false, GrammarState.of(new LiteralFrame("<|tool_call|>"),
                    WhitespaceFrame.START, new ValueFrame(new ValueSpec.ArrayValue(call(tools), true)),
                    WhitespaceFrame.START, new LiteralFrame("<|/tool_call|>"))));
            case QWEN3_XML -> triggers.add(Trigger.of("<tool_call>", false, XmlCalls.root(tools)));
        }
        return new ToolCallGrammar(format, triggers);
    }

    public ToolCallFormat format() {
        return format;
    }

    /** The texts that start a constrained call. */
    public List<String> triggerTexts() {
        return triggers.stream().map(Trigger::text).toList();
    }

    List<Trigger> triggers() {
        return triggers;
    }

    private static Trigger hermes(DeclaredTools tools) {
        return Trigger.of("<tool_call>", false, GrammarState.of(new LiteralFrame("<tool_call>"), WhitespaceFrame.START,
                new ValueFrame(call(tools)), WhitespaceFrame.START, new LiteralFrame("</tool_call>")));
    }

    private static Trigger bareJson(DeclaredTools tools) {
        return Trigger.of("{\"name\"", true, GrammarState.of(new ValueFrame(call(tools))));
    }

    private static ValueSpec.ToolCallValue call(DeclaredTools tools) {
        List<String> names = new ArrayList<>();
        List<ValueSpec> arguments = new ArrayList<>();
        for (ToolDeclaration tool : tools.declarations()) {
            names.add(tool.name());
            arguments.add(argumentsOf(tool));
        }
        return new ValueSpec.ToolCallValue(names, arguments, ARGUMENT_KEYS);
    }

    /** A tool's arguments are always an object, even when its schema says nothing. */
    static ValueSpec argumentsOf(ToolDeclaration tool) {
        ValueSpec spec = SchemaCompiler.compile(tool.parameters());
        if (spec instanceof ValueSpec.ObjectValue) {
            return spec;
        }
        return ValueSpec.AnyValue.ANY_OBJECT;
    }
}

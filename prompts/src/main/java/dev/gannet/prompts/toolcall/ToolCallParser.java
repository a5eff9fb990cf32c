package dev.gannet.prompts.toolcall;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Splits a model's message into answer text, tool calls and failed calls, for one
 * {@link ToolCallFormat} and one set of {@link DeclaredTools}. Immutable; {@link #parse} is a pure
 * function and {@link #streaming} starts a parser for one generation.
 */
public final class ToolCallParser {
    private final ToolCallFormat format;
    private final DeclaredTools tools;

    private ToolCallParser(ToolCallFormat format, DeclaredTools tools) {
        this.format = Objects.requireNonNull(format, "format");
        this.tools = Objects.requireNonNull(tools, "tools");
    }

    public static ToolCallParser of(ToolCallFormat format, DeclaredTools tools) {
        return new ToolCallParser(format, tools);
    }

    public ToolCallFormat format() {
        return format;
    }

    public DeclaredTools tools() {
        return tools;
    }

    /** Parses a whole message. Never throws for anything the model wrote. */
    public ParseResult parse(String text) {
        StreamingToolCallParser parser = streaming();
        List<ToolCallEvent> events = new ArrayList<>(parser.accept(text));
        events.addAll(parser.finish());
        return ParseResult.of(events);
    }

    /** A parser for one generation, fed chunk by chunk. */
    public StreamingToolCallParser streaming() {
        return new StreamingToolCallParser(format.syntaxes(), tools);
    }
}

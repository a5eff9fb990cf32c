package dev.gannet.prompts.grammar;

import java.util.List;

/**
 * A tool's parameters for Qwen3-Coder's XML calls: names, how each value is written, and which
 * are required. Compared by identity, as parse states hold it.
 */
final class XmlTool {
    final String[] names;
    /** For each parameter, the frames that read its value and {@code </parameter>}, in order. */
    final Frame[][] values;
    final long required;

    XmlTool(List<String> names, List<Frame[]> values, long required) {
        if (names.size() > 63) {
            throw new IllegalArgumentException("a tool with more than 63 parameters is not supported");
        }
        this.names = names.toArray(String[]::new);
        this.values = values.toArray(Frame[][]::new);
        this.required = required;
    }
}

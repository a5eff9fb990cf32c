package dev.gannet.prompts.grammar;

import java.util.Arrays;
import java.util.List;
import java.util.function.Function;

/**
 * A choice between fixed texts (enum values, tool names, keys), with what follows each. The
 * options are sorted, so those sharing a prefix are a contiguous range and a parse state needs
 * only two indices to say which are still possible.
 */
final class Choice {
    final String[] options;
    /** For each option (sorted order), the frames that follow it, in the order they are read. */
    private final Frame[][] next;

    Choice(List<String> options, Function<String, Frame[]> next) {
        if (options.isEmpty()) {
            throw new IllegalArgumentException("a choice needs at least one option");
        }
        this.options = options.stream().distinct().sorted().toArray(String[]::new);
        this.next = Arrays.stream(this.options).map(next).toArray(Frame[][]::new);
    }

    Frame[] next(int index) {
        return next[index];
    }
}

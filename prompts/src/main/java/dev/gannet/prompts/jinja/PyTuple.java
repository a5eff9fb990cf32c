package dev.gannet.prompts.jinja;

import java.util.List;

/** A Python tuple: a sequence like a list, but printed with parentheses and never equal to a list. */
public record PyTuple(List<Object> items) {
    public PyTuple {
        items = PyValues.immutableList(items);
    }
}

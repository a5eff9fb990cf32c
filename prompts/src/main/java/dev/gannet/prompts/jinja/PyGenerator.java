package dev.gannet.prompts.jinja;

import java.util.List;

/**
 * What {@code map}, {@code select}, {@code reject}, {@code unique}, {@code items} and {@code reverse}
 * return in jinja2: a one-shot iterator, not a list. It is always true, has no length, prints as a
 * generator and is empty the second time it is iterated; templates convert it with {@code | list}.
 */
final class PyGenerator {
    private List<Object> items;

    PyGenerator(List<Object> items) {
        this.items = PyValues.immutableList(items);
    }

    /** The remaining items; the generator is exhausted afterwards. */
    List<Object> drain() {
        List<Object> remaining = items;
        items = List.of();
        return remaining;
    }
}

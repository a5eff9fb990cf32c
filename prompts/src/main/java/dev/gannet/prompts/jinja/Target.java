package dev.gannet.prompts.jinja;

import java.util.List;

/** What {@code set} and {@code for} assign to: a name, a tuple of targets, or a namespace attribute. */
sealed interface Target {
    record Name(String name) implements Target {
    }

    record Tuple(List<Target> items) implements Target {
    }

    /** {@code set ns.attribute = …}, allowed only on a {@link Namespace}. */
    record NamespaceAttribute(String namespace, String attribute) implements Target {
    }
}

package dev.gannet.prompts.jinja;

import java.util.HashMap;
import java.util.Map;

/**
 * Variables visible at one point of rendering. Lookups walk outwards; assignments stay in this scope,
 * which is why a {@code set} inside a loop body is gone in the next iteration (jinja2's rule, and the
 * reason templates use {@code namespace}).
 */
final class Scope {
    private final Scope parent;
    private final Map<String, Object> variables = new HashMap<>();

    Scope(Scope parent) {
        this.parent = parent;
    }

    Scope child() {
        return new Scope(this);
    }

    /** The value of {@code name}, or Undefined when no scope defines it. */
    Object lookup(String name) {
        for (Scope scope = this; scope != null; scope = scope.parent) {
            if (scope.variables.containsKey(name)) {
                return scope.variables.get(name);
            }
        }
        return Undefined.variable(name);
    }

    void set(String name, Object value) {
        variables.put(name, value);
    }
}

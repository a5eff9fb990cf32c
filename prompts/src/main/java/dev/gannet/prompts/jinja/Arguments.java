package dev.gannet.prompts.jinja;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The arguments of a call: positional ones in order, keyword ones by name (in call order). */
record Arguments(List<Object> positional, Map<String, Object> keyword) {
    static final Arguments NONE = new Arguments(List.of(), Map.of());

    Arguments {
        positional = PyValues.immutableList(positional);
        keyword = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(keyword));
    }

    static Arguments of(Object... positional) {
        return new Arguments(java.util.Arrays.asList(positional), Map.of());
    }

    /** The same arguments with one more positional argument in front (a filter's subject). */
    Arguments prepend(Object first) {
        List<Object> all = new java.util.ArrayList<>(positional.size() + 1);
        all.add(first);
        all.addAll(positional);
        return new Arguments(all, keyword);
    }

    /**
     * Binds the arguments to parameters the way Python does for a function with defaults: the
     * value by position, else by keyword, else the default; {@code NO_DEFAULT} marks a required one.
     */
    Object[] bind(String function, List<String> names, List<Object> defaults) {
        if (positional.size() > names.size()) {
            throw new TemplateRuntimeException(function + "() takes at most " + names.size()
                    + " positional arguments (" + positional.size() + " given)");
        }
        Object[] bound = new Object[names.size()];
        for (int i = 0; i < names.size(); i++) {
            String name = names.get(i);
            if (i < positional.size()) {
                if (keyword.containsKey(name)) {
                    throw new TemplateRuntimeException(function + "() got multiple values for argument '" + name + "'");
                }
                bound[i] = positional.get(i);
            } else if (keyword.containsKey(name)) {
                bound[i] = keyword.get(name);
            } else if (defaults.get(i) != NO_DEFAULT) {
                bound[i] = defaults.get(i);
            } else {
                throw new TemplateRuntimeException(function + "() missing required argument '" + name + "'");
            }
        }
        for (String name : keyword.keySet()) {
            if (!names.contains(name)) {
                throw new TemplateRuntimeException(function + "() got an unexpected keyword argument '" + name + "'");
            }
        }
        return bound;
    }

    /** Marks a parameter without a default in {@link #bind}. */
    static final Object NO_DEFAULT = new Object() {
        @Override
        public String toString() {
            return "<required>";
        }
    };
}

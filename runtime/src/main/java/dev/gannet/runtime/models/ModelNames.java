package dev.gannet.runtime.models;

import java.util.regex.Pattern;

/** Installed names and aliases double as file names in the store, so they are kept to a safe alphabet. */
final class ModelNames {
    private static final Pattern VALID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,127}");

    /** The store keeps its aliases in aliases.json, beside the NAME.json manifests. */
    static final String RESERVED = "aliases";

    private ModelNames() {
    }

    static String check(String name) {
        if (name == null || !VALID.matcher(name).matches() || name.endsWith(".gguf") || name.endsWith(".json")
                || name.equals(RESERVED)) {
            throw new ModelException("'" + name + "' is not a valid model name: use letters, digits, '.', '_' and '-'"
                    + " (starting with a letter or digit, without a .gguf or .json ending, and not 'aliases')");
        }
        return name;
    }
}

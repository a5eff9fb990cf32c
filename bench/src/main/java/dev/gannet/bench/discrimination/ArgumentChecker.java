package dev.gannet.bench.discrimination;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Iterator;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Checks a call's arguments against BFCL-style ground truth: a list of {@code {tool: {argument:
 * [allowed values…]}}}. The call is right when it names the tool of one entry and every argument
 * holds one of that argument's allowed values, no argument is missing unless {@code ""} is among its
 * allowed values (BFCL's mark for "may be left out"), and no argument is extra.
 *
 * <p>Values compare as BFCL compares them: strings without case, spaces or the punctuation
 * {@code , . / - _ * ^} (so "New York, NY" matches "new york ny"); numbers by value (5 matches 5.0);
 * lists element by element in order; objects key by key, where the ground truth's object again maps
 * each key to its allowed values.
 */
public final class ArgumentChecker {
    private ArgumentChecker() {
    }

    /** Empty when the call is right; otherwise why not, in one phrase. */
    public static Optional<String> mismatch(String tool, JsonNode arguments, JsonNode possibleAnswer) {
        String closest = "the ground truth names no tool '" + tool + "'";
        for (JsonNode entry : possibleAnswer) {
            JsonNode allowed = entry.get(tool);
            if (allowed == null) {
                continue;
            }
            Optional<String> problem = objectMismatch("", arguments, allowed);
            if (problem.isEmpty()) {
                return problem;
            }
            closest = problem.get();
        }
        return Optional.of(closest);
    }

    /** {@code actual} is an object; {@code allowed} maps each key to its allowed values. */
    private static Optional<String> objectMismatch(String path, JsonNode actual, JsonNode allowed) {
        if (!actual.isObject()) {
            return Optional.of(describe(path) + " must be an object");
        }
        for (Iterator<String> keys = actual.fieldNames(); keys.hasNext(); ) {
            String key = keys.next();
            if (!allowed.has(key)) {
                return Optional.of("unexpected argument " + describe(path + key));
            }
        }
        for (Iterator<Map.Entry<String, JsonNode>> fields = allowed.fields(); fields.hasNext(); ) {
            Map.Entry<String, JsonNode> field = fields.next();
            String where = path + field.getKey();
            JsonNode value = actual.get(field.getKey());
            if (value == null) {
                if (!mayBeOmitted(field.getValue())) {
                    return Optional.of("missing argument " + describe(where));
                }
            } else if (!anyMatches(value, field.getValue())) {
                return Optional.of(describe(where) + " is " + value + ", expected one of " + field.getValue());
            }
        }
        return Optional.empty();
    }

    /**
     * {@code ""} among the allowed values marks an optional argument. An empty list of allowed values
     * (BFCL has a few) can be met by no value at all, so leaving the argument out is the only way to be right.
     */
    private static boolean mayBeOmitted(JsonNode allowedValues) {
        if (allowedValues.isEmpty()) {
            return true;
        }
        for (JsonNode value : allowedValues) {
            if (value.isTextual() && value.textValue().isEmpty()) {
                return true;
            }
        }
        return false;
    }

    private static boolean anyMatches(JsonNode actual, JsonNode allowedValues) {
        for (JsonNode candidate : allowedValues) {
            if (matches(actual, candidate)) {
                return true;
            }
        }
        return false;
    }

    /** One value against one allowed value (which, for objects, maps keys to allowed values). */
    static boolean matches(JsonNode actual, JsonNode expected) {
        if (expected.isTextual()) {
            return actual.isTextual() && normalized(actual.textValue()).equals(normalized(expected.textValue()));
        }
        if (expected.isNumber()) {
            return actual.isNumber() && actual.decimalValue().compareTo(expected.decimalValue()) == 0;
        }
        if (expected.isArray()) {
            if (!actual.isArray() || actual.size() != expected.size()) {
                return false;
            }
            for (int i = 0; i < expected.size(); i++) {
                if (!matches(actual.get(i), expected.get(i))) {
                    return false;
                }
            }
            return true;
        }
        if (expected.isObject()) {
            return objectMismatch("", actual, expected).isEmpty();
        }
        return actual.equals(expected);
    }

    /** BFCL's string comparison: case, spaces and some punctuation do not count. */
    static String normalized(String text) {
        StringBuilder out = new StringBuilder(text.length());
        for (char c : text.toLowerCase(Locale.ROOT).toCharArray()) {
            if (!Character.isWhitespace(c) && ",./-_*^".indexOf(c) < 0) {
                out.append(c);
            }
        }
        return out.toString();
    }

    private static String describe(String path) {
        return path.isEmpty() ? "the arguments" : "'" + path + "'";
    }
}

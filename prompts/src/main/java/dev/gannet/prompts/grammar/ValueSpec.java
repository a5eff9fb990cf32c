package dev.gannet.prompts.grammar;

import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A JSON value the grammar allows, compiled from a JSON schema. Specs compare by identity: parse
 * states hold them and are compared often, and a deep comparison of schemas would cost more than
 * it could save.
 */
sealed interface ValueSpec {

    /** Any JSON value (an empty schema, or {@code true}). */
    final class AnyValue implements ValueSpec {
        static final AnyValue INSTANCE = new AnyValue();
        /** The object any value may be: any keys, any values. */
        static final ObjectValue ANY_OBJECT = new ObjectValue(List.of(), List.of(), 0, INSTANCE);
        static final ArrayValue ANY_ARRAY = new ArrayValue(INSTANCE);
        static final LiteralValue KEYWORDS = new LiteralValue(List.of("true", "false", "null"));

        private AnyValue() {
        }
    }

    /** Any JSON string. */
    final class StringValue implements ValueSpec {
        static final StringValue INSTANCE = new StringValue();

        private StringValue() {
        }
    }

    /** A JSON number; with {@code integer}, whole numbers only (no fraction, no exponent). */
    final class NumberValue implements ValueSpec {
        static final NumberValue INTEGER = new NumberValue(true);
        static final NumberValue ANY = new NumberValue(false);
        final boolean integer;

        private NumberValue(boolean integer) {
            this.integer = integer;
        }
    }

    /** One of a fixed set of JSON texts: {@code enum}, {@code const}, booleans, null. */
    final class LiteralValue implements ValueSpec {
        final Choice choice;

        LiteralValue(List<String> literals) {
            this.choice = new Choice(literals, literal -> new Frame[0]);
        }
    }

    /**
     * An object with the declared properties (each at most once, in any order), the required ones
     * present, and other keys only when {@code additional} is set.
     */
    final class ObjectValue implements ValueSpec {
        final String[] names;
        final ValueSpec[] values;
        final long required;
        /** The spec of undeclared properties, or null when there may be none. */
        final ValueSpec additional;

        ObjectValue(List<String> names, List<ValueSpec> values, long required, ValueSpec additional) {
            if (names.size() > 63) {
                throw new IllegalArgumentException("an object schema with more than 63 properties is not supported");
            }
            this.names = names.toArray(String[]::new);
            this.values = values.toArray(ValueSpec[]::new);
            this.required = required;
            this.additional = additional;
        }

        long all() {
            return (1L << names.length) - 1;
        }

        int indexOf(String name) {
            return Arrays.asList(names).indexOf(name);
        }
    }

    /** An array whose elements all match {@code items}; with {@code nonEmpty}, at least one. */
    final class ArrayValue implements ValueSpec {
        final ValueSpec items;
        final boolean nonEmpty;

        ArrayValue(ValueSpec items) {
            this(items, false);
        }

        ArrayValue(ValueSpec items, boolean nonEmpty) {
            this.items = items;
            this.nonEmpty = nonEmpty;
        }
    }

    /** One of several specs; JSON types are told apart by their first character. */
    final class UnionValue implements ValueSpec {
        final ValueSpec[] alternatives;

        UnionValue(List<ValueSpec> alternatives) {
            this.alternatives = alternatives.toArray(ValueSpec[]::new);
        }
    }

    /**
     * A call object in fixed order: {@code {"name": "TOOL", "arguments": ARGS}} (or
     * {@code "parameters"}), ARGS valid against that tool's schema.
     */
    final class ToolCallValue implements ValueSpec {
        /** Chooses the quoted name, then the rest of the call for that tool. */
        final Choice names;

        ToolCallValue(List<String> toolNames, List<ValueSpec> arguments, List<String> argumentKeys) {
            Choice keys = new Choice(argumentKeys.stream().map(JsonQuoting::quote).toList(), key -> new Frame[0]);
            Map<String, ValueSpec> byQuotedName = new HashMap<>();
            for (int i = 0; i < toolNames.size(); i++) {
                byQuotedName.put(JsonQuoting.quote(toolNames.get(i)), arguments.get(i));
            }
            this.names = new Choice(List.copyOf(byQuotedName.keySet()), quotedName -> new Frame[] {
                    WhitespaceFrame.START, new LiteralFrame(",", 0), WhitespaceFrame.START,
                    new ChoiceFrame(keys), WhitespaceFrame.START, new LiteralFrame(":", 0), WhitespaceFrame.START,
                    new ValueFrame(byQuotedName.get(quotedName)), WhitespaceFrame.START, new LiteralFrame("}", 0)});
        }
    }
}

package dev.gannet.prompts.grammar;

/**
 * A JSON object of an {@link ValueSpec.ObjectValue}, after its '{'. Keys are the declared
 * properties not yet used, in any order, or (when the spec allows others) any key without escapes;
 * '}' only once every required property is there; ',' only when another key can follow. So every
 * object this frame accepts is valid, and it never leads into a dead end.
 *
 * @param phase    where in the object: see the constants
 * @param used     the declared properties already present, as bits
 * @param key      the key read so far (phase KEY), without quotes
 * @param property the property whose value comes next (phases AFTER_KEY, AFTER_COLON): its index,
 *                 or -1 for an undeclared one
 * @param ws       the whitespace read in this phase (see {@link Whitespace})
 */
record ObjectFrame(ValueSpec.ObjectValue spec, int phase, long used, String key, int property, int ws)
        implements Frame {
    private static final int AFTER_OPEN = 0;
    private static final int KEY = 1;
    private static final int AFTER_KEY = 2;
    private static final int AFTER_COLON = 3;
    private static final int AFTER_VALUE = 4;
    private static final int AFTER_COMMA = 5;

    static ObjectFrame open(ValueSpec.ObjectValue spec) {
        return new ObjectFrame(spec, AFTER_OPEN, 0, "", -1, 0);
    }

    @Override
    public Step consume(char c) {
        if (phase == KEY) {
            return keyCharacter(c);
        }
        if (Whitespace.is(c)) {
            int next = Whitespace.next(ws, c);
            return next < 0 ? null : Step.to(new ObjectFrame(spec, phase, used, key, property, next));
        }
        return switch (phase) {
            case AFTER_OPEN -> c == '"' && canAddKey() ? to(KEY, used, "", -1)
                    : c == '}' && requiredPresent() ? Step.DONE : null;
            case AFTER_COMMA -> c == '"' ? to(KEY, used, "", -1) : null;
            case AFTER_KEY -> c == ':' ? to(AFTER_COLON, used, "", property) : null;
            case AFTER_COLON -> {
                ValueSpec value = property >= 0 ? spec.values[property] : spec.additional;
                long nowUsed = property >= 0 ? used | 1L << property : used;
                yield Step.offer(new ValueFrame(value), new ObjectFrame(spec, AFTER_VALUE, nowUsed, "", -1, 0));
            }
            case AFTER_VALUE -> c == ',' && canAddKey() ? to(AFTER_COMMA, used, "", -1)
                    : c == '}' && requiredPresent() ? Step.DONE : null;
            default -> throw new IllegalStateException("phase " + phase);
        };
    }

    /** A character of a key, or its closing quote. */
    private Step keyCharacter(char c) {
        if (c == '"') {
            int declared = spec.indexOf(key);
            if (declared >= 0) {
                return (used & 1L << declared) == 0 ? to(AFTER_KEY, used, "", declared) : null;
            }
            return spec.additional != null ? to(AFTER_KEY, used, "", -1) : null;
        }
        if (!StringFrame.isPlain(c)) {
            return null; // Keys are written without escapes.
        }
        String longer = key + c;
        if (spec.additional != null || unusedPropertyStartsWith(longer)) {
            return to(KEY, used, longer, -1);
        }
        return null;
    }

    private boolean unusedPropertyStartsWith(String prefix) {
        for (int i = 0; i < spec.names.length; i++) {
            if ((used & 1L << i) == 0 && spec.names[i].startsWith(prefix)) {
                return true;
            }
        }
        return false;
    }

    private boolean canAddKey() {
        return spec.additional != null || (used & spec.all()) != spec.all();
    }

    private boolean requiredPresent() {
        return (used & spec.required) == spec.required;
    }

    private Step to(int nextPhase, long nextUsed, String nextKey, int nextProperty) {
        return Step.to(new ObjectFrame(spec, nextPhase, nextUsed, nextKey, nextProperty, 0));
    }
}

package dev.gannet.bench.discrimination;

import java.util.Arrays;
import java.util.Locale;

/**
 * What a model should do with a case, or what it did: call a tool, answer directly, ask the user for
 * missing information, or say it cannot help. {@link #ERROR} is only ever observed (the backend failed).
 */
public enum Decision {
    TOOL("tool"),
    DIRECT("direct"),
    ASK("ask"),
    CANNOT("cannot"),
    ERROR("error");

    private final String wireName;

    Decision(String wireName) {
        this.wireName = wireName;
    }

    /** The name case files and reports use. */
    public String wireName() {
        return wireName;
    }

    /** Parses an expected decision; {@code error} is not one. The message lists the accepted names. */
    public static Decision expected(String name) {
        for (Decision decision : values()) {
            if (decision != ERROR && decision.wireName.equals(name.toLowerCase(Locale.ROOT))) {
                return decision;
            }
        }
        throw new IllegalArgumentException("unknown expected decision '" + name + "'; expected one of "
                + Arrays.stream(values()).filter(d -> d != ERROR).map(Decision::wireName).toList());
    }

    public static Decision fromWireName(String name) {
        for (Decision decision : values()) {
            if (decision.wireName.equals(name)) {
                return decision;
            }
        }
        throw new IllegalArgumentException("unknown decision '" + name + "'");
    }
}

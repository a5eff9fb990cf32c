package dev.gannet.prompts.jinja;

/**
 * A missing value, as jinja2's default {@code Undefined}: it prints as nothing, is false, iterates as
 * empty and has length 0, but any other use (arithmetic, attribute access, a call) fails with the
 * message saying what was missing.
 */
public final class Undefined {
    private final String failure;

    private Undefined(String failure) {
        this.failure = failure;
    }

    /** A variable that no scope defines. */
    static Undefined variable(String name) {
        return new Undefined("'" + name + "' is undefined");
    }

    /** An attribute or item an object does not have. */
    static Undefined member(Object owner, Object key) {
        String type = PyValues.typeName(owner);
        if (key instanceof String name) {
            return new Undefined("'" + type + " object' has no attribute '" + name + "'");
        }
        return new Undefined(type + " object has no element " + PyValues.repr(key));
    }

    /** A value that explains itself when used. */
    static Undefined because(String failure) {
        return new Undefined(failure);
    }

    /** The exception to throw when this value is used as a real value. */
    TemplateRuntimeException failure() {
        return new TemplateRuntimeException(failure);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Undefined;
    }

    @Override
    public int hashCode() {
        return Undefined.class.hashCode();
    }

    @Override
    public String toString() {
        return "";
    }
}

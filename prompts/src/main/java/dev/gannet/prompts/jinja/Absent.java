package dev.gannet.prompts.jinja;

/**
 * The answer of a lookup that found nothing (a missing dict key, an index out of range), distinct from
 * a found None, which is Java's null.
 */
final class Absent {
    static final Absent VALUE = new Absent();

    private Absent() {
    }

    static boolean is(Object value) {
        return value == VALUE;
    }
}

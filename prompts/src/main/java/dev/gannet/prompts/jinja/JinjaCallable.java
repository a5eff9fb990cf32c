package dev.gannet.prompts.jinja;

/** Anything a template can call: a global function, a macro, a bound method, {@code caller}. */
@FunctionalInterface
interface JinjaCallable {
    Object call(Arguments arguments);
}

package dev.gannet.prompts.jinja;

/** A method looked up on a value and not yet called: {@code message.get}, {@code text.strip}. */
record PyMethod(Object receiver, String name) implements JinjaCallable {
    @Override
    public Object call(Arguments arguments) {
        return Methods.call(receiver, name, arguments);
    }
}

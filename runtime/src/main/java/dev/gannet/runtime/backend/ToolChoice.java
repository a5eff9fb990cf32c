package dev.gannet.runtime.backend;

import java.util.Objects;

/** OpenAI's {@code tool_choice}: auto (the model decides), none, required (some tool), or one named tool. */
public sealed interface ToolChoice {
    record Auto() implements ToolChoice {
    }

    record None() implements ToolChoice {
    }

    record Required() implements ToolChoice {
    }

    record Named(String name) implements ToolChoice {
        public Named {
            Objects.requireNonNull(name, "name");
        }
    }

    static ToolChoice auto() {
        return new Auto();
    }

    static ToolChoice none() {
        return new None();
    }

    static ToolChoice required() {
        return new Required();
    }

    static ToolChoice named(String name) {
        return new Named(name);
    }
}

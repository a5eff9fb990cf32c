package dev.gannet.prompts.jinja;

import java.util.List;

/** The {@code loop} variable inside a for loop: position, neighbours, and {@code cycle}/{@code changed}. */
final class LoopContext {
    private final List<Object> items;
    private int index0;
    private List<Object> lastChanged;

    LoopContext(List<Object> items) {
        this.items = items;
    }

    void moveTo(int index0) {
        this.index0 = index0;
    }

    long index() {
        return index0 + 1L;
    }

    long length() {
        return items.size();
    }

    /** The attribute {@code loop.name}, or Undefined for names a loop does not have. */
    Object attribute(String name) {
        return switch (name) {
            case "index" -> index();
            case "index0" -> (long) index0;
            case "revindex" -> (long) (items.size() - index0);
            case "revindex0" -> (long) (items.size() - index0 - 1);
            case "first" -> index0 == 0;
            case "last" -> index0 == items.size() - 1;
            case "length" -> length();
            case "depth" -> 1L;
            case "depth0" -> 0L;
            case "previtem" -> index0 > 0 ? items.get(index0 - 1) : Undefined.because("there is no previous item");
            case "nextitem" -> index0 + 1 < items.size() ? items.get(index0 + 1) : Undefined.because("there is no next item");
            case "cycle" -> (JinjaCallable) arguments -> {
                if (arguments.positional().isEmpty()) {
                    throw new TemplateRuntimeException("no items for cycling given");
                }
                return arguments.positional().get(index0 % arguments.positional().size());
            };
            case "changed" -> (JinjaCallable) arguments -> {
                List<Object> values = arguments.positional();
                if (lastChanged == null || !PyOperators.equal(lastChanged, values)) {
                    lastChanged = values;
                    return true;
                }
                return false;
            };
            default -> Undefined.member(this, name);
        };
    }
}

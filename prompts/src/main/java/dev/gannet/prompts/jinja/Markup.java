package dev.gannet.prompts.jinja;

/**
 * A string marked safe by the {@code safe} or {@code escape} filter (markupsafe's {@code Markup}).
 * With autoescaping off it prints like any string, but {@code +} with a plain string escapes the
 * plain side, exactly as Python does; some templates depend on that without meaning to.
 */
public record Markup(String text) {
    /** markupsafe's escape: the five HTML-significant characters as entities. */
    static String escape(String text) {
        StringBuilder out = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '"' -> out.append("&#34;");
                case '\'' -> out.append("&#39;");
                default -> out.append(c);
            }
        }
        return out.toString();
    }

    /** The value as markup: markup stays as it is, anything else is turned to text and escaped. */
    static Markup escaped(Object value) {
        return value instanceof Markup markup ? markup : new Markup(escape(PyValues.str(value)));
    }

    @Override
    public String toString() {
        return text;
    }
}

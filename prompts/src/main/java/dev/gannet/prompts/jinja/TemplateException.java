package dev.gannet.prompts.jinja;

/**
 * A template that cannot be parsed or rendered. The message is the bare cause (for
 * {@code raise_exception} exactly the template's own words); {@link #line()} says where, when known.
 */
public abstract sealed class TemplateException extends RuntimeException
        permits TemplateSyntaxException, TemplateRuntimeException, TemplateRaisedException {
    private final int line;

    TemplateException(String message, int line) {
        super(message);
        this.line = line;
    }

    /** The 1-based source line the failure belongs to, or 0 when unknown. */
    public int line() {
        return line;
    }

    /** The message with its line, for people: {@code "line 12: 'foo' is undefined"}. */
    public String describe() {
        return line > 0 ? "line " + line + ": " + getMessage() : getMessage();
    }

    /** The same failure attributed to a line; failures keep the innermost line they already have. */
    abstract TemplateException atLine(int line);
}

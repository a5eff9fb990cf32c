package dev.gannet.prompts.jinja;

/**
 * Rendering failed the way jinja2 would fail: a type error, an undefined value used where a value is
 * needed, an unsafe operation refused by the sandbox (such as {@code list.append}).
 */
public final class TemplateRuntimeException extends TemplateException {
    public TemplateRuntimeException(String message) {
        super(message, 0);
    }

    private TemplateRuntimeException(String message, int line) {
        super(message, line);
    }

    /** A failure of the interpreter itself (a bug), kept typed so callers handle it like any render failure. */
    static TemplateRuntimeException internal(RuntimeException bug) {
        TemplateRuntimeException e = new TemplateRuntimeException("internal interpreter error: " + bug);
        e.initCause(bug);
        return e;
    }

    @Override
    TemplateRuntimeException atLine(int line) {
        if (line() > 0) {
            return this;
        }
        TemplateRuntimeException located = new TemplateRuntimeException(getMessage(), line);
        if (getCause() != null) {
            located.initCause(getCause());
        }
        return located;
    }
}

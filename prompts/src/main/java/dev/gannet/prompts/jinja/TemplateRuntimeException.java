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

    @Override
    TemplateRuntimeException atLine(int line) {
        return line() > 0 ? this : new TemplateRuntimeException(getMessage(), line);
    }
}

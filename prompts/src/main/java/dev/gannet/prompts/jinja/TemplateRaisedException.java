package dev.gannet.prompts.jinja;

/**
 * The template called {@code raise_exception(message)}: it refuses the conversation on purpose (a
 * system role it does not support, roles that do not alternate). The message is the template's own.
 */
public final class TemplateRaisedException extends TemplateException {
    public TemplateRaisedException(String message) {
        super(message, 0);
    }

    private TemplateRaisedException(String message, int line) {
        super(message, line);
    }

    @Override
    TemplateRaisedException atLine(int line) {
        return line() > 0 ? this : new TemplateRaisedException(getMessage(), line);
    }
}

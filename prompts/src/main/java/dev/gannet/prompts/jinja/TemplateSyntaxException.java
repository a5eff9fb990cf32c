package dev.gannet.prompts.jinja;

/** The template source is not valid Jinja (in the dialect this interpreter reads). */
public final class TemplateSyntaxException extends TemplateException {
    public TemplateSyntaxException(String message, int line) {
        super(message, line);
    }

    @Override
    TemplateSyntaxException atLine(int line) {
        return line() > 0 ? this : new TemplateSyntaxException(getMessage(), line);
    }
}

package dev.gannet.prompts.template;

import dev.gannet.prompts.jinja.TemplateException;
import dev.gannet.prompts.jinja.TemplateRaisedException;
import dev.gannet.prompts.jinja.TemplateSyntaxException;

/**
 * A chat template that cannot be parsed, or that cannot render a conversation: it refused it on purpose
 * ({@code raise_exception}, for example a system role it does not support) or failed as jinja2 would.
 * The message names the template; the cause is the interpreter's exception.
 */
public final class ChatTemplateException extends RuntimeException {
    private final String templateName;

    ChatTemplateException(String templateName, TemplateException cause) {
        super(describe(templateName, cause), cause);
        this.templateName = templateName;
    }

    private static String describe(String templateName, TemplateException cause) {
        String where = cause.line() > 0 ? " (line " + cause.line() + ")" : "";
        return switch (cause) {
            case TemplateRaisedException raised -> "chat template '" + templateName + "' refuses the conversation: "
                    + raised.getMessage();
            case TemplateSyntaxException syntax -> "chat template '" + templateName + "' is not valid Jinja" + where + ": "
                    + syntax.getMessage();
            default -> "chat template '" + templateName + "' failed" + where + ": " + cause.getMessage();
        };
    }

    public String templateName() {
        return templateName;
    }

    /** True when the template itself refused the conversation with {@code raise_exception}. */
    public boolean raisedByTemplate() {
        return getCause() instanceof TemplateRaisedException;
    }

    /** The template's own words when it raised, else the interpreter's description of the failure. */
    public String templateMessage() {
        return getCause().getMessage();
    }
}

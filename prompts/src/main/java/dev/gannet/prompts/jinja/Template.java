package dev.gannet.prompts.jinja;

import java.time.Clock;
import java.util.List;
import java.util.Map;

/**
 * A parsed Jinja template, rendered as Python's jinja2 renders it in Hugging Face's chat-template
 * environment ({@code ImmutableSandboxedEnvironment(trim_blocks=True, lstrip_blocks=True)} with the
 * loop-controls extension, {@code tojson} as {@code json.dumps(ensure_ascii=False)}, and the globals
 * {@code raise_exception} and {@code strftime_now}). Parsing once and rendering many times is cheap;
 * a template is immutable and safe to share between threads.
 *
 * <pre>{@code
 * Template template = Template.parse("greeting", "Hello {{ name | upper }}!");
 * template.render(Map.of("name", "gannet"));   // "Hello GANNET!"
 * }</pre>
 */
public final class Template {
    private final String name;
    private final List<Node> body;

    private Template(String name, List<Node> body) {
        this.name = name;
        this.body = body;
    }

    /**
     * Parses {@code source}; {@code name} says which template it is in messages.
     *
     * @throws TemplateSyntaxException when the source is not valid in this dialect
     */
    public static Template parse(String name, String source) {
        List<Node> body = StatementParser.parse(source);
        NameCheck.verify(body);
        return new Template(name, body);
    }

    public String name() {
        return name;
    }

    /** Renders with the system clock behind {@code strftime_now}. */
    public String render(Map<String, ?> variables) {
        return render(variables, Clock.systemDefaultZone());
    }

    /**
     * Renders with the given variables (plain Java values: maps, lists, strings, numbers, booleans,
     * null, or Jackson trees); {@code strftime_now} reads {@code clock} in its zone.
     *
     * @throws TemplateRaisedException when the template calls {@code raise_exception}
     * @throws TemplateRuntimeException when rendering fails as it would in jinja2
     */
    public String render(Map<String, ?> variables, Clock clock) {
        Scope globals = new Scope(null);
        Globals.create(clock).forEach(globals::set);
        Scope context = globals.child();
        variables.forEach((key, value) -> context.set(key, JavaValues.toTemplate(value)));
        Renderer renderer = new Renderer();
        try {
            return renderer.renderToString(body, context.child());
        } catch (StackOverflowError e) {
            throw new TemplateRuntimeException("recursion too deep while rendering");
        } catch (TemplateException e) {
            throw e;
        } catch (RuntimeException e) {
            throw TemplateRuntimeException.internal(e);
        }
    }

    @Override
    public String toString() {
        return "Template[" + name + "]";
    }
}

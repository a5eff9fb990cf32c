package dev.gannet.prompts.template;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Gannet's own chat templates, one per {@link TemplateFamily}, for models whose GGUF file has no
 * {@code tokenizer.chat_template}. They are Jinja resources rendered by the same interpreter, and
 * {@code scripts/render_chat_templates.py} checks that jinja2 renders them identically.
 */
public final class BuiltinTemplates {
    private static final String DIRECTORY = "/dev/gannet/prompts/template/builtin/";
    private static final Map<TemplateFamily, ChatTemplate> PARSED = new EnumMap<>(TemplateFamily.class);

    private BuiltinTemplates() {
    }

    /** The parsed built-in template of a family, named {@code builtin:<family>}. */
    public static synchronized ChatTemplate template(TemplateFamily family) {
        return PARSED.computeIfAbsent(family, f -> ChatTemplate.parse("builtin:" + f.id(), source(f)));
    }

    /**
     * The built-in template of the family called {@code familyName}.
     *
     * @throws IllegalArgumentException naming the families there are, when there is no such family
     */
    public static ChatTemplate byName(String familyName) {
        return template(TemplateFamily.byId(familyName).orElseThrow(() -> new IllegalArgumentException(
                "no built-in chat template '" + familyName + "'; there are: " + names())));
    }

    /** The family names, comma-separated, for messages and help. */
    public static String names() {
        return Arrays.stream(TemplateFamily.values()).map(TemplateFamily::id).collect(Collectors.joining(", "));
    }

    /** The Jinja source of a family's template. */
    public static String source(TemplateFamily family) {
        String resource = DIRECTORY + family.resourceName();
        try (InputStream in = BuiltinTemplates.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("built-in template resource " + resource + " is missing from the build");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

package dev.gannet.prompts.system;

import dev.gannet.prompts.toolcall.ToolCallFormat;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/**
 * The system prompts that teach a model when to call a tool (the answer depends on the user's
 * files, or needs something run) and when to answer directly (general knowledge, concepts,
 * comparisons). They live as resources beside this class, one per family where the family needs
 * telling how to write a call:
 *
 * <ul>
 *   <li>{@code tool-use.md}: for templates that teach the call syntax themselves (Hermes, Qwen,
 *       Mistral, Phi-4, Qwen3-Coder);</li>
 *   <li>{@code tool-use-llama3.md}: Llama 3's templates leave the JSON form to the system prompt;</li>
 *   <li>{@code tool-use-json.md}: templates with no tool support at all, where calls are bare JSON.</li>
 * </ul>
 */
public final class SystemPrompts {
    private SystemPrompts() {
    }

    /** The tool-use prompt for models that write calls in {@code format}. */
    public static String toolUse(ToolCallFormat format) {
        return switch (format) {
            case LLAMA3 -> load("tool-use-llama3.md");
            case JSON, AUTO -> load("tool-use-json.md");
            case HERMES, MISTRAL, QWEN3_XML, PHI4 -> load("tool-use.md");
        };
    }

    /**
     * A prompt resource by name (beside this class).
     *
     * @throws IllegalStateException when the resource is missing: a packaging fault, not a user's
     */
    static String load(String name) {
        try (InputStream in = SystemPrompts.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("the system prompt " + name + " is missing from the build");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).strip();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the system prompt " + name, e);
        }
    }
}

package dev.gannet.bench.discrimination;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * One way of running a model, the part of a table row that is not the model: which system prompt
 * and whether tool calls are generated under the grammar. Written on the command line as
 * {@code prompt=default|none|FILE,constrained=on|off} (either part may be left out).
 *
 * @param prompt      {@code default} (the backend's tool-use prompt), {@code none}, or a file's path
 * @param constrained whether calls are constrained where the backend can
 */
public record RunConfiguration(String prompt, boolean constrained) {
    public static final RunConfiguration DEFAULT = new RunConfiguration("default", true);

    public static RunConfiguration parse(String text) {
        String prompt = DEFAULT.prompt;
        boolean constrained = DEFAULT.constrained;
        for (String part : text.split(",")) {
            String[] pair = part.split("=", 2);
            if (pair.length != 2) {
                throw new IllegalArgumentException("--config '" + text + "': write key=value pairs, e.g. prompt=none,constrained=off");
            }
            String value = pair[1].strip();
            switch (pair[0].strip()) {
                case "prompt" -> prompt = value;
                case "constrained" -> constrained = switch (value) {
                    case "on", "true" -> true;
                    case "off", "false" -> false;
                    default -> throw new IllegalArgumentException("--config constrained must be on or off, not '" + value + "'");
                };
                default -> throw new IllegalArgumentException("--config: unknown key '" + pair[0].strip()
                        + "' (known: prompt, constrained)");
            }
        }
        if (!prompt.equals("default") && !prompt.equals("none") && !Files.isRegularFile(Path.of(prompt))) {
            throw new IllegalArgumentException("--config prompt must be default, none or a readable file, not '" + prompt + "'");
        }
        return new RunConfiguration(prompt, constrained);
    }

    /** The system prompt for a backend whose own tool-use prompt is {@code backendPrompt}; null for none. */
    public String systemPrompt(String backendPrompt) {
        return switch (prompt) {
            case "default" -> backendPrompt;
            case "none" -> null;
            default -> {
                try {
                    yield Files.readString(Path.of(prompt));
                } catch (IOException e) {
                    throw new IllegalArgumentException("cannot read the prompt file " + prompt + ": " + e.getMessage());
                }
            }
        };
    }

    /** How the table names it: {@code prompt=none, constrained=off}. */
    public String label() {
        return "prompt=" + (prompt.equals("default") || prompt.equals("none") ? prompt : Path.of(prompt).getFileName())
                + ", constrained=" + (constrained ? "on" : "off");
    }
}

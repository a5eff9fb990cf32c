package dev.gannet.bench.discrimination;

import java.nio.file.Path;
import java.util.Locale;

/**
 * A LoRA adapter as the command line names it, {@code FILE[:SCALE]}: the adapter file and its
 * strength (default 1, as {@code gannet run --lora}).
 *
 * @param file  the adapter (llama.cpp's GGUF layout)
 * @param scale its strength; the factor is {@code scale × alpha / rank}
 */
public record AdapterSpec(Path file, float scale) {
    public AdapterSpec {
        if (!Float.isFinite(scale)) {
            throw new IllegalArgumentException("--lora " + file + ": the scale must be a finite number, not " + scale);
        }
    }

    /**
     * {@code FILE} or {@code FILE:SCALE}. The scale is what follows the last colon when that parses as
     * a number, so a path with colons in it still works without a scale.
     */
    public static AdapterSpec parse(String spec) {
        int colon = spec.lastIndexOf(':');
        if (colon > 0) {
            String tail = spec.substring(colon + 1);
            try {
                return new AdapterSpec(Path.of(spec.substring(0, colon)), Float.parseFloat(tail));
            } catch (NumberFormatException e) {
                if (tail.matches("[-+.0-9eE]*")) {
                    throw new IllegalArgumentException("--lora " + spec + ": '" + tail + "' is not a scale (FILE[:SCALE])");
                }
            }
        }
        return new AdapterSpec(Path.of(spec), 1f);
    }

    /** How a table names it: {@code A.lora.gguf×0.5}. */
    public String label() {
        return file.getFileName() + "×" + String.format(Locale.ROOT, "%s", scale);
    }
}

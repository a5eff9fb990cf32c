package dev.gannet.kernels.tensor;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;

/** The shared fixture models and reference outputs (read-only, outside the repository). */
final class Fixtures {
    static final String ATTN_OUTPUT = "blk.0.attn_output.weight";

    private Fixtures() {
    }

    /** The shared directory: system property {@code gannet.shared} (surefire sets it), else ../shared. */
    static Path shared() {
        String property = System.getProperty("gannet.shared");
        Path dir = property != null ? Path.of(property) : Path.of("../shared");
        if (!Files.isDirectory(dir.resolve("fixtures"))) {
            throw new IllegalStateException("shared fixtures not found under " + dir.toAbsolutePath()
                    + "; set -Dgannet.shared to the shared directory");
        }
        return dir;
    }

    /** A fixture model, e.g. {@code llama-s7-q4_0}. */
    static Path model(String name) {
        return shared().resolve("fixtures/models/" + name + ".gguf");
    }

    /** The reference dequantization of {@code tensor} of {@code model}: little-endian float32. */
    static float[] referenceDequant(String model, String tensor) {
        Path file = shared().resolve("fixtures/reference/dequant/" + model + "." + tensor + ".f32");
        try {
            ByteBuffer bytes = ByteBuffer.wrap(Files.readAllBytes(file)).order(ByteOrder.LITTLE_ENDIAN);
            float[] values = new float[bytes.remaining() / Float.BYTES];
            bytes.asFloatBuffer().get(values);
            return values;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

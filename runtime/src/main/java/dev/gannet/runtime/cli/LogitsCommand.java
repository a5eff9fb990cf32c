package dev.gannet.runtime.cli;

import dev.gannet.kernels.model.InferenceSession;
import dev.gannet.kernels.model.Model;
import dev.gannet.kernels.model.ThreadTeam;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code gannet logits}: the logits after each of the given tokens, little-endian float32
 * [n_tokens][n_vocab] — the format of llama.cpp's reference dumps, so the two compare directly.
 */
@Command(name = "logits", mixinStandardHelpOptions = true,
        description = "Write the logits after each token: little-endian float32 [n_tokens][n_vocab].")
final class LogitsCommand implements Callable<Integer> {
    @Mixin
    ModelOptions options;

    @Option(names = "--tokens", required = true, paramLabel = "\"ID ID ...\"", description = "token ids, space separated")
    String tokens;

    @Option(names = "--out", required = true, paramLabel = "FILE", description = "where to write the logits")
    Path out;

    @Override
    public Integer call() throws IOException {
        int[] ids = parseIds(tokens);
        try (Model model = options.load(); ThreadTeam team = options.team()) {
            InferenceSession session = model.newSession(team, Math.max(options.context(), ids.length), options.kvType());
            float[] logits = session.evaluateAll(ids);
            ByteBuffer bytes = ByteBuffer.allocate(logits.length * Float.BYTES).order(ByteOrder.LITTLE_ENDIAN);
            bytes.asFloatBuffer().put(logits);
            try (OutputStream stream = Files.newOutputStream(out)) {
                stream.write(bytes.array());
            }
        }
        return 0;
    }

    static int[] parseIds(String text) {
        String trimmed = text.trim();
        if (trimmed.isEmpty()) {
            throw new IllegalArgumentException("--tokens is empty");
        }
        String[] parts = trimmed.split("[\\s,]+");
        int[] ids = new int[parts.length];
        for (int i = 0; i < parts.length; i++) {
            try {
                ids[i] = Integer.parseInt(parts[i]);
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("--tokens: '" + parts[i] + "' is not a token id");
            }
        }
        return ids;
    }
}

package dev.gannet.bench.grammar;

import dev.gannet.kernels.gguf.GgufFile;
import dev.gannet.kernels.gguf.GgufReader;
import dev.gannet.kernels.tokenizer.Tokenizer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * A real vocabulary for the constraint: GPT-2's 50257 tokens, each as the text it decodes to
 * (control tokens as the empty text; bytes that are not whole UTF-8 characters as U+FFFD, which
 * the grammar only lets into strings).
 */
final class Gpt2Vocabulary {
    private Gpt2Vocabulary() {
    }

    static Path file() {
        String configured = System.getProperty("gannet.shared");
        Path shared = configured != null ? Path.of(configured) : Path.of("..", "..", "shared");
        return shared.resolve("fixtures/tokenizer/ggml-vocab-gpt-2.gguf");
    }

    static List<String> texts(Path gguf) {
        try (GgufFile file = GgufReader.open(gguf)) {
            Tokenizer tokenizer = Tokenizer.fromGguf(file.metadata());
            List<String> texts = new ArrayList<>(tokenizer.vocabularySize());
            for (int id = 0; id < tokenizer.vocabularySize(); id++) {
                texts.add(new String(tokenizer.tokenBytes(id), StandardCharsets.UTF_8));
            }
            return texts;
        }
    }
}

package dev.gannet.kernels.tokenizer;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Word splits of pre-tokenizers the fixture vocabularies do not exercise (llama 3, Qwen 2, the
 * default), worked out by hand from the patterns as llama.cpp applies them.
 */
class TokenizerPreTokenizerTest {

    record Split(String preTokenizer, String text, List<String> words) {
        @Override
        public String toString() {
            return preTokenizer + " " + TokenizerFixturesTest.printable(text);
        }
    }

    static List<Split> splits() {
        return List.of(
                new Split("gpt-2", "Hello world", List.of("Hello", " world")),
                new Split("gpt-2", "  Hello", List.of(" ", " Hello")),
                new Split("gpt-2", "I'm here", List.of("I", "'m", " here")),
                new Split("gpt-2", "a\n\nb", List.of("a", "\n", "\n", "b")),
                new Split("llama-bpe", "Hello, y'all! 123456", List.of("Hello", ",", " y", "'all", "!", " ", "123", "456")),
                new Split("llama-bpe", "I'M OK", List.of("I", "'M", " OK")),
                new Split("llama-bpe", "x\n\n  y", List.of("x", "\n\n", " ", " y")),
                // U+3000 is whitespace to \s, and a non-letter the letter run may start with.
                new Split("llama-bpe", "a\u3000b", List.of("a", "\u3000b")),
                new Split("qwen2", "abc 2024", List.of("abc", " ", "2", "0", "2", "4")),
                new Split("default", "Hello, 1234", List.of("Hello", ",", " ", "123", "4")),
                new Split("gpt-4o", "HelloWorld's CAPSlock", List.of("Hello", "World's", " CAPSlock")),
                new Split("deepseek-llm", "ab  \n", List.of("ab", "  ", "\n")));
    }

    @ParameterizedTest
    @MethodSource("splits")
    void splitsAsLlamaCpp(Split split) {
        PreTokenizer preTokenizer = PreTokenizerTable.forName(split.preTokenizer(), "test");
        assertEquals(split.words(), preTokenizer.split(split.text()));
        assertEquals(split.text(), String.join("", preTokenizer.split(split.text())));
    }
}

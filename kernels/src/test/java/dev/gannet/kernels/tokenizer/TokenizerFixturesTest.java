package dev.gannet.kernels.tokenizer;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicContainer;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * llama.cpp's tokenizer test vectors: each {@code ggml-vocab-X.gguf} in the shared fixtures has
 * {@code .inp} (texts) and {@code .out} (expected ids), made by the models' Hugging Face tokenizers
 * and passed by llama.cpp's {@code test-tokenizer-0}. That test is read here the way it reads them:
 *
 * <ul>
 *   <li>the whole {@code .inp} file is split on {@code "\n__ggml_vocab_test__\n"}; each piece is one
 *       text, taken as it is (inner newlines included; the newline before a separator belongs to the
 *       separator, so a text ends without one unless it has two);</li>
 *   <li>line i of {@code .out} holds the ids of text i, space separated (with a leading space, and
 *       empty for the empty text);</li>
 *   <li>encoding is {@code llama_tokenize(text, add_special = false, parse_special = false)}: no BOS or
 *       EOS, and control tokens written in the text stay text (user-defined tokens, such as MPT's
 *       runs of spaces or DeepSeek's {@code ü}, are still split out).</li>
 * </ul>
 */
class TokenizerFixturesTest {
    private static final String SEPARATOR = "\n__ggml_vocab_test__\n";

    record Case(int index, String text, int[] expected) {
    }

    @TestFactory
    Stream<DynamicContainer> everyFixtureEncodesAsLlamaCpp() throws IOException {
        return fixtureNames().stream().map(name -> DynamicContainer.dynamicContainer(name,
                cases(name).stream().map(c -> DynamicTest.dynamicTest("case " + c.index() + ": " + printable(c.text()),
                        () -> assertArrayEquals(c.expected(),
                                TokenizerTestFiles.vocabulary(name).encode(c.text(), false, false),
                                () -> "encoding " + printable(c.text()) + " with " + name)))));
    }

    /** Byte-level BPE and SentencePiece with byte fallback lose nothing: decoding gives the text back. */
    @TestFactory
    Stream<DynamicContainer> everyFixtureTextRoundTrips() throws IOException {
        return fixtureNames().stream().map(name -> DynamicContainer.dynamicContainer(name,
                cases(name).stream().map(c -> DynamicTest.dynamicTest("case " + c.index() + ": " + printable(c.text()),
                        () -> {
                            Tokenizer tokenizer = TokenizerTestFiles.vocabulary(name);
                            assertEquals(c.text(), tokenizer.decode(tokenizer.encode(c.text(), false, false)));
                            assertEquals(c.text(), tokenizer.decode(tokenizer.encode(c.text(), true, false)),
                                    "with BOS/EOS added, which decode to nothing");
                        }))));
    }

    /** Baichuan has no expected ids; it must load and give every fixture text back. */
    @Test
    void baichuanLoadsAndRoundTrips() throws IOException {
        Tokenizer baichuan = TokenizerTestFiles.vocabulary("ggml-vocab-baichuan.gguf");
        assertEquals(64000, baichuan.vocabularySize());
        for (Case c : cases("ggml-vocab-llama-spm.gguf")) {
            int[] ids = baichuan.encode(c.text(), true, false);
            assertEquals(baichuan.specials().bos(), ids[0]);
            assertEquals(c.text(), baichuan.decode(ids), () -> "round trip of " + printable(c.text()));
        }
    }

    static List<String> fixtureNames() throws IOException {
        try (Stream<Path> files = Files.list(TokenizerTestFiles.tokenizerFixtures())) {
            List<String> names = files.map(p -> p.getFileName().toString())
                    .filter(n -> n.endsWith(".gguf.inp"))
                    .map(n -> n.substring(0, n.length() - ".inp".length()))
                    .sorted()
                    .toList();
            assertFalse(names.isEmpty(), "no .inp/.out fixtures in " + TokenizerTestFiles.tokenizerFixtures());
            return names;
        }
    }

    /** The texts and expected ids of one fixture, split exactly as llama.cpp's read_tests does. */
    static List<Case> cases(String vocabularyName) {
        Path dir = TokenizerTestFiles.tokenizerFixtures();
        try {
            String raw = Files.readString(dir.resolve(vocabularyName + ".inp"), StandardCharsets.UTF_8);
            List<String> texts = new ArrayList<>();
            int position = 0;
            while (position < raw.length()) {
                int next = raw.indexOf(SEPARATOR, position);
                if (next < 0) {
                    texts.add(raw.substring(position));
                    break;
                }
                texts.add(raw.substring(position, next));
                position = next + SEPARATOR.length();
            }
            List<String> lines = Files.readAllLines(dir.resolve(vocabularyName + ".out"), StandardCharsets.UTF_8);
            assertEquals(texts.size(), lines.size(), vocabularyName + ": .inp and .out hold different numbers of tests");
            List<Case> cases = new ArrayList<>();
            for (int i = 0; i < texts.size(); i++) {
                String line = lines.get(i).strip();
                int[] ids = line.isEmpty() ? new int[0] : Arrays.stream(line.split(" ")).mapToInt(Integer::parseInt).toArray();
                cases.add(new Case(i, texts.get(i), ids));
            }
            return cases;
        } catch (IOException e) {
            throw new AssertionError("cannot read fixture " + vocabularyName + ": " + e, e);
        }
    }

    /** A text fit for a test name: control characters escaped, long texts cut. */
    static String printable(String text) {
        String escaped = text.replace("\\", "\\\\").replace("\n", "\\n").replace("\t", "\\t").replace("\r", "\\r");
        return "'" + (escaped.length() > 40 ? escaped.substring(0, 40) + "…" : escaped) + "'";
    }
}

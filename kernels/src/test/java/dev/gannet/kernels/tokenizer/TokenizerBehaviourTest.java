package dev.gannet.kernels.tokenizer;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Special tokens, BOS/EOS, end of generation, decoding, and vocabularies no fixture file covers. */
class TokenizerBehaviourTest {
    private static final int LLAMA_BOS = 1;
    private static final int LLAMA_EOS = 2;
    private static final int LLAMA_HELLO = 15043; // "▁Hello"
    private static final int GPT2_END_OF_TEXT = 50256;

    private final Tokenizer llama = TokenizerTestFiles.vocabulary("ggml-vocab-llama-spm.gguf");
    private final Tokenizer gpt2 = TokenizerTestFiles.vocabulary("ggml-vocab-gpt-2.gguf");

    @Test
    void controlTokensInTextAreTokensOnlyWhenParsingSpecial() {
        assertArrayEquals(new int[] {LLAMA_BOS, LLAMA_HELLO}, llama.encode("<s>Hello", false, true),
                "the text after a special token gets the space prefix again");
        int[] asText = llama.encode("<s>Hello", false, false);
        assertFalse(Arrays.stream(asText).anyMatch(id -> id == LLAMA_BOS), Arrays.toString(asText));
        assertEquals("<s>Hello", llama.decode(asText));

        assertArrayEquals(new int[] {GPT2_END_OF_TEXT, 15496}, gpt2.encode("<|endoftext|>Hello", false, true));
        assertFalse(Arrays.stream(gpt2.encode("<|endoftext|>Hello", false, false)).anyMatch(id -> id == GPT2_END_OF_TEXT));
    }

    @Test
    void userDefinedTokensAreSplitOutEvenFromUserText() {
        Tokenizer mpt = TokenizerTestFiles.vocabulary("ggml-vocab-mpt.gguf");
        int fourSpaces = 50274; // a user-defined token in MPT's vocabulary
        assertEquals(fourSpaces, mpt.encode("    x", false, false)[0]);
        assertEquals("    x", mpt.decode(mpt.encode("    x", false, false)));
    }

    @Test
    void longerSpecialTokensAreTakenFirst() {
        Tokenizer tokenizer = Tokenizer.fromGguf(tinySentencePiece()
                .put("tokenizer.ggml.tokens", new String[] {"<unk>", "<s>", "</s>", "<x>", "<x><y>", "▁a", "a"})
                .put("tokenizer.ggml.token_type", new int[] {2, 3, 3, 3, 3, 1, 1})
                .put("tokenizer.ggml.scores", new float[] {0, 0, 0, 0, 0, -1, -2})
                .build());
        assertArrayEquals(new int[] {4, 5, 3}, tokenizer.encode("<x><y>a<x>", false, true));
    }

    @Test
    void beginAndEndOfSequenceAreAddedAsTheModelAsks() {
        assertArrayEquals(new int[] {LLAMA_BOS}, llama.encode("", true, false));
        assertArrayEquals(new int[0], llama.encode("", false, false));
        assertArrayEquals(new int[] {LLAMA_BOS, LLAMA_HELLO}, llama.encode("Hello", true, false));
        assertTrue(llama.specials().addBos());
        assertFalse(gpt2.specials().addBos(), "GPT-2 declares no add_bos_token and its pre-tokenizer adds none");
        assertArrayEquals(new int[] {15496}, gpt2.encode("Hello", true, false));

        Tokenizer withEos = Tokenizer.fromGguf(tinySentencePiece().put("tokenizer.ggml.add_eos_token", true).build());
        int[] ids = withEos.encode("a", true, false);
        assertEquals(LLAMA_BOS, ids[0]);
        assertEquals(LLAMA_EOS, ids[ids.length - 1]);
    }

    @Test
    void endOfGenerationCoversEosAndTurnEndsFoundByText() {
        assertTrue(llama.isEndOfGeneration(LLAMA_EOS));
        assertFalse(llama.isEndOfGeneration(LLAMA_BOS));
        assertFalse(llama.isEndOfGeneration(SpecialTokens.NONE));

        Tokenizer phi3 = TokenizerTestFiles.vocabulary("ggml-vocab-phi-3.gguf");
        int end = 32007; // <|end|>, not declared in the metadata
        assertEquals(end, phi3.specials().eot());
        assertTrue(phi3.isEndOfGeneration(end));
        assertTrue(phi3.isEndOfGeneration(phi3.specials().eos()));

        // A turn end the converter left as a normal token becomes control: not printed, not parsed from user text.
        Tokenizer chat = Tokenizer.fromGguf(tinySentencePiece()
                .put("tokenizer.ggml.tokens", new String[] {"<unk>", "<s>", "</s>", "<|endoftext|>", "<|im_end|>", "▁a", "a"})
                .put("tokenizer.ggml.token_type", new int[] {2, 3, 3, 1, 1, 1, 1})
                .put("tokenizer.ggml.scores", new float[] {0, 0, 0, 0, 0, -1, -2})
                .build());
        assertEquals(4, chat.specials().eot(), "<|im_end|> is preferred to <|endoftext|>");
        assertTrue(chat.isEndOfGeneration(3));
        assertTrue(chat.isEndOfGeneration(4));
        assertEquals("", chat.decode(new int[] {4}));
        assertArrayEquals(new int[] {4}, chat.encode("<|im_end|>", false, true));
        assertEquals(java.util.List.of(2, 3, 4), chat.specials().endOfGeneration());
    }

    @Test
    void controlTokensDecodeToNothingUnlessRendered() {
        assertEquals("", gpt2.decode(new int[] {GPT2_END_OF_TEXT}));
        assertEquals("<|endoftext|>", gpt2.decode(new int[] {GPT2_END_OF_TEXT}, true));
        assertEquals("Hello", llama.decode(new int[] {LLAMA_BOS, LLAMA_HELLO}));
        assertEquals("<s>Hello", llama.decode(new int[] {LLAMA_BOS, LLAMA_HELLO}, true));
        assertArrayEquals(new byte[0], llama.tokenBytes(LLAMA_BOS));
        assertArrayEquals(" Hello".getBytes(StandardCharsets.UTF_8), llama.tokenBytes(LLAMA_HELLO));
        assertArrayEquals(new byte[] {0x0A}, llama.tokenBytes(llama.encode("\n", false, false)[1]), "<0x0A>");
        assertEquals("▁Hello", llama.tokenText(LLAMA_HELLO));
    }

    @Test
    void idsOutsideTheVocabularyAreRefused() {
        TokenizerException e = assertThrows(TokenizerException.class, () -> llama.tokenBytes(32000));
        assertTrue(e.getMessage().contains("32000"), e.getMessage());
        assertThrows(TokenizerException.class, () -> llama.decode(new int[] {-5}));
    }

    @Test
    void streamingHoldsCharactersSplitOverByteTokens() {
        for (Tokenizer tokenizer : new Tokenizer[] {llama, gpt2}) {
            String text = " this is 🦙.cpp нещо 我想在apple工作";
            int[] ids = tokenizer.encode(text, false, false);
            StreamingDecoder decoder = tokenizer.streamingDecoder();
            StringBuilder streamed = new StringBuilder();
            boolean heldSomething = false;
            for (int id : ids) {
                String piece = decoder.accept(id);
                assertFalse(piece.contains("\uFFFD"), () -> "half a character came out for token " + id);
                heldSomething |= decoder.pendingBytes() > 0;
                streamed.append(piece);
            }
            assertEquals("", decoder.flush());
            assertTrue(heldSomething, "the llama emoji is spelt over several tokens in both vocabularies");
            // Streaming keeps the piece's leading space, which decode() takes away for SentencePiece.
            String expected = new String(concatenatedBytes(tokenizer, ids), StandardCharsets.UTF_8);
            assertEquals(expected, streamed.toString());
            assertTrue(expected.endsWith(text.substring(1)));
        }
    }

    @Test
    void streamingLetsInvalidBytesThroughAndFlushesUnfinishedOnes() {
        int firstByteOfEmoji = llama.encode("🦙", false, false)[1]; // ▁, then <0xF0> <0x9F> <0xA6> <0x99>
        assertEquals("<0xF0>", llama.tokenText(firstByteOfEmoji));
        StreamingDecoder decoder = new StreamingDecoder(llama, false);
        assertEquals("", decoder.accept(firstByteOfEmoji));
        assertEquals(1, decoder.pendingBytes());
        assertEquals("\uFFFD", decoder.flush());
        assertEquals(0, decoder.pendingBytes());

        assertEquals(0, StreamingDecoder.unfinishedSuffix(new byte[] {(byte) 0x80}, 1), "stray continuation: not held");
        assertEquals(2, StreamingDecoder.unfinishedSuffix(new byte[] {'a', (byte) 0xE6, (byte) 0x88}, 3));
        assertEquals(0, StreamingDecoder.unfinishedSuffix(new byte[] {(byte) 0xE6, (byte) 0x88, (byte) 0x91}, 3));
        assertEquals(3, StreamingDecoder.unfinishedSuffix(new byte[] {(byte) 0xF0, (byte) 0x9F, (byte) 0xA6}, 3));
    }

    @Test
    void streamingRendersControlTokensWhenAsked() {
        StreamingDecoder decoder = new StreamingDecoder(gpt2, true);
        assertEquals("<|endoftext|>", decoder.accept(GPT2_END_OF_TEXT));
        assertEquals("", gpt2.streamingDecoder().accept(GPT2_END_OF_TEXT));
    }

    /** The 512-token vocabulary of the tiny test models: byte fallback for everything it cannot spell. */
    @Test
    void tinyModelVocabularyBuildsAndRoundTrips() {
        Tokenizer tiny = TokenizerTestFiles.load(TokenizerTestFiles.shared().resolve("fixtures/models/llama-s7-f32.gguf"));
        assertEquals(512, tiny.vocabularySize());
        SpecialTokens specials = tiny.specials();
        assertEquals(1, specials.bos());
        assertEquals(2, specials.eos());
        assertEquals(0, specials.unknown());
        assertTrue(tiny.isEndOfGeneration(2));
        String text = "hello world, Grüße! 🦙\n\tdone";
        int[] ids = tiny.encode(text, true, false);
        assertEquals(1, ids[0]);
        assertTrue(Arrays.stream(ids).allMatch(id -> id >= 0 && id < 512));
        assertEquals(text, tiny.decode(ids));
        assertEquals("", tiny.decode(new int[] {444}), "<unused444> stands for nothing");
    }

    /** Merging is O(n log n): a long word without spaces, and a long text, encode quickly and exactly. */
    @Test
    @Timeout(value = 5, unit = TimeUnit.SECONDS)
    void longInputsEncodeWithoutQuadraticCost() {
        String word = "abcdefghij".repeat(20_000);
        for (Tokenizer tokenizer : new Tokenizer[] {llama, gpt2}) {
            assertEquals(word, tokenizer.decode(tokenizer.encode(word, false, false)));
        }
        String prose = "The quick brown fox, 1234567 times — jumps over the lazy dog! 🦙\n".repeat(3_000);
        assertEquals(prose, gpt2.decode(gpt2.encode(prose, false, true)));
        assertEquals(prose, llama.decode(llama.encode(prose, false, true)));
    }

    @Test
    void unknownAndUnsupportedTokenizersAreRefusedByName() {
        TokenizerException bert = assertThrows(TokenizerException.class,
                () -> Tokenizer.fromGguf(new GgufMetadataBuilder().put("tokenizer.ggml.model", "bert").build()));
        assertTrue(bert.getMessage().contains("'bert'") && bert.getMessage().contains("not supported"), bert.getMessage());
        TokenizerException odd = assertThrows(TokenizerException.class,
                () -> Tokenizer.fromGguf(new GgufMetadataBuilder().put("tokenizer.ggml.model", "quantum").build()));
        assertTrue(odd.getMessage().contains("unknown tokenizer model 'quantum'"), odd.getMessage());
        TokenizerException missing = assertThrows(TokenizerException.class,
                () -> Tokenizer.fromGguf(new GgufMetadataBuilder().put("general.architecture", "llama").build()));
        assertTrue(missing.getMessage().contains("tokenizer.ggml.model"), missing.getMessage());
        assertEquals("synthetic.gguf", missing.source());
    }

    @Test
    void unknownPreTokenizersAreRefusedByName() {
        TokenizerException unknown = assertThrows(TokenizerException.class,
                () -> Tokenizer.fromGguf(tinyBytePair().put("tokenizer.ggml.pre", "klingon").build()));
        assertEquals("unknown pre-tokenizer 'klingon' (tokenizer.ggml.pre)", unknown.problem());
        TokenizerException unsupported = assertThrows(TokenizerException.class,
                () -> Tokenizer.fromGguf(tinyBytePair().put("tokenizer.ggml.pre", "kimi-k2").build()));
        assertTrue(unsupported.problem().contains("'kimi-k2'") && unsupported.problem().contains("not supported"));
    }

    @Test
    void malformedVocabulariesAreRefusedWithTheCause() {
        TokenizerException duplicate = assertThrows(TokenizerException.class, () -> Tokenizer.fromGguf(tinySentencePiece()
                .put("tokenizer.ggml.tokens", new String[] {"<unk>", "<s>", "</s>", "a", "a"})
                .put("tokenizer.ggml.token_type", new int[] {2, 3, 3, 1, 1})
                .put("tokenizer.ggml.scores", new float[] {0, 0, 0, -1, -1})
                .build()));
        assertTrue(duplicate.problem().contains("duplicate token"), duplicate.problem());
        TokenizerException noMerges = assertThrows(TokenizerException.class, () -> Tokenizer.fromGguf(
                new GgufMetadataBuilder().put("tokenizer.ggml.model", "gpt2")
                        .put("tokenizer.ggml.tokens", new String[] {"a"}).build()));
        assertTrue(noMerges.problem().contains("tokenizer.ggml.merges"), noMerges.problem());
        TokenizerException bosless = assertThrows(TokenizerException.class, () -> Tokenizer.fromGguf(
                tinyBytePair().put("tokenizer.ggml.add_bos_token", true).build()));
        assertTrue(bosless.problem().contains("bos_token_id is not set"), bosless.problem());
    }

    /** Byte-level BPE merges by rank, lowest first, whatever order the pairs appear in. */
    @Test
    void bytePairMergesLowestRankFirst() {
        Tokenizer tokenizer = Tokenizer.fromGguf(tinyBytePair().build());
        assertArrayEquals(new int[] {5}, tokenizer.encode("abc", false, false),
                "'b c' (rank 0) before 'a b' (rank 2) leaves 'a bc' (rank 1) to merge; the other way round gives 'ab', 'c'");
        assertArrayEquals(new int[] {6, 7}, tokenizer.encode("ab c", false, false), "words merge apart: 'ab', 'Ġc'");
        assertEquals("ab c", tokenizer.decode(tokenizer.encode("ab c", false, false)));
    }

    /** Llama 3 takes a word that is itself a token whole, even where no merges lead to it. */
    @Test
    void llamaThreeTakesWholeWordsThatAreTokens() {
        GgufMetadataBuilder vocabulary = new GgufMetadataBuilder()
                .put("tokenizer.ggml.model", "gpt2")
                .put("tokenizer.ggml.tokens", new String[] {"<|begin_of_text|>", "a", "b", "c", "abc"})
                .put("tokenizer.ggml.token_type", new int[] {3, 1, 1, 1, 1})
                .put("tokenizer.ggml.merges", new String[0])
                .put("tokenizer.ggml.bos_token_id", 0);
        Tokenizer gpt2Style = Tokenizer.fromGguf(vocabulary.put("tokenizer.ggml.pre", "gpt-2").build());
        assertArrayEquals(new int[] {1, 2, 3}, gpt2Style.encode("abc", true, false));
        Tokenizer llama3 = Tokenizer.fromGguf(vocabulary.put("tokenizer.ggml.pre", "llama-bpe").build());
        assertArrayEquals(new int[] {0, 4}, llama3.encode("abc", true, false), "and BOS is added by default");
    }

    private static GgufMetadataBuilder tinySentencePiece() {
        return new GgufMetadataBuilder()
                .put("tokenizer.ggml.model", "llama")
                .put("tokenizer.ggml.tokens", new String[] {"<unk>", "<s>", "</s>", "▁a", "a"})
                .put("tokenizer.ggml.token_type", new int[] {2, 3, 3, 1, 1})
                .put("tokenizer.ggml.scores", new float[] {0, 0, 0, -1, -2});
    }

    /** Tokens a, b, c, Ġ, bc, ab, Ġc; merges ranked "b c" before "a b" before "Ġ c". */
    private static GgufMetadataBuilder tinyBytePair() {
        return new GgufMetadataBuilder()
                .put("tokenizer.ggml.model", "gpt2")
                .put("tokenizer.ggml.pre", "gpt-2")
                .put("tokenizer.ggml.tokens", new String[] {"a", "b", "c", "Ġ", "bc", "abc", "ab", "Ġc"})
                .put("tokenizer.ggml.token_type", new int[] {1, 1, 1, 1, 1, 1, 1, 1})
                .put("tokenizer.ggml.merges", new String[] {"b c", "a bc", "a b", "Ġ c"});
    }

    private static byte[] concatenatedBytes(Tokenizer tokenizer, int[] ids) {
        java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
        for (int id : ids) {
            bytes.writeBytes(tokenizer.tokenBytes(id));
        }
        return bytes.toByteArray();
    }
}

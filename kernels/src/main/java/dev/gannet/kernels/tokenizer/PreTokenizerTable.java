package dev.gannet.kernels.tokenizer;

import dev.gannet.kernels.gguf.GgufFormatException;
import java.util.Set;

/**
 * The pre-tokenizers of byte-level BPE vocabularies, by their {@code tokenizer.ggml.pre} name. The
 * patterns are the models' own split rules (from their {@code tokenizer.json}) in the form llama.cpp
 * runs them, rewritten for {@link java.util.regex}: case-insensitive groups spelt out as
 * {@code [sS]}, {@code $} as {@code \z}, and "letter that is not a-z" as a class intersection so
 * that long words do not recurse in the regex engine.
 */
final class PreTokenizerTable {
    /** English contractions, case-insensitive, as llama.cpp spells {@code (?i:'s|'t|'re|'ve|'m|'ll|'d)}. */
    private static final String CONTRACTIONS = "'[sS]|'[tT]|'[rR][eE]|'[vV][eE]|'[mM]|'[lL][lL]|'[dD]";

    private static final String GPT2 =
            "'s|'t|'re|'ve|'m|'ll|'d| ?\\p{L}+| ?\\p{N}+| ?[^\\s\\p{L}\\p{N}]+|\\s+(?!\\S)";
    private static final String LLAMA3 = "(?:" + CONTRACTIONS + ")|[^\\r\\n\\p{L}\\p{N}]?\\p{L}+|\\p{N}{1,3}"
            + "| ?[^\\s\\p{L}\\p{N}]+[\\r\\n]*|\\s*[\\r\\n]+|\\s+(?!\\S)|\\s+";
    private static final String QWEN2 = "(?:" + CONTRACTIONS + ")|[^\\r\\n\\p{L}\\p{N}]?\\p{L}+|\\p{N}"
            + "| ?[^\\s\\p{L}\\p{N}]+[\\r\\n]*|\\s*[\\r\\n]+|\\s+(?!\\S)|\\s+";
    private static final String QWEN35 = "(?:" + CONTRACTIONS + ")|[^\\r\\n\\p{L}\\p{N}]?[\\p{L}\\p{M}]+|\\p{N}"
            + "| ?[^\\s\\p{L}\\p{M}\\p{N}]+[\\r\\n]*|\\s*[\\r\\n]+|\\s+(?!\\S)|\\s+";
    private static final String SEED_CODER = "(?:" + CONTRACTIONS + ")|[^\\r\\n\\p{L}\\p{N}]?\\p{L}+|\\p{N}"
            + "| ?[^\\s\\p{L}\\p{N}\\r\\n]+|\\s*[\\r\\n]+|\\s+(?!\\S)|\\s+";
    private static final String BAILINGMOE = "'(?:[sSdDmMtT]|[lL][lL]|[vV][eE]|[rR][eE])|[^\\r\\n\\p{L}\\p{N}]?\\p{L}+"
            + "|\\p{N}| ?[^\\s\\p{L}\\p{N}]+[\\r\\n]*|\\s*[\\r\\n]|\\s+(?!\\S)|\\s+";
    /** Upper-then-lower letter runs; non-ASCII letters count as both cases, as in llama.cpp. */
    private static final String UPPER = "[\\p{L}&&[^a-z]]";
    private static final String LOWER = "[\\p{L}&&[^A-Z]]";
    private static final String TEKKEN = "[^\\r\\n\\p{L}\\p{N}]?" + UPPER + "*" + LOWER + "+"
            + "|[^\\r\\n\\p{L}\\p{N}]?" + UPPER + "+" + LOWER + "*"
            + "|\\p{N}| ?[^\\s\\p{L}\\p{N}]+[\\r\\n/]*|\\s*[\\r\\n]+|\\s+(?!\\S)|\\s+";
    private static final String GPT4O = "[^\\r\\n\\p{L}\\p{N}]?" + UPPER + "*" + LOWER + "+(?:" + CONTRACTIONS + ")?"
            + "|[^\\r\\n\\p{L}\\p{N}]?" + UPPER + "+" + LOWER + "*(?:" + CONTRACTIONS + ")?"
            + "|\\p{N}{1,3}| ?[^\\s\\p{L}\\p{N}]+[\\r\\n/]*|\\s*[\\r\\n]+|\\s+(?!\\S)|\\s+";
    /** Han, Hangul and everything from U+0800 to U+4E00 (Khmer, kana, CJK punctuation...) as runs. */
    private static final String DEEPSEEK_CJK = "[\\u4E00-\\u9FA5\\u0800-\\u4E00\\uAC00-\\uD7FF]+";
    /** BLOOM-family words: anything up to whitespace or sentence punctuation (the parentheses and | are literal). */
    private static final String BLOOM = " ?[^(\\s|.,!?\\u2026\\u3002\\uFF0C\\u3001\\u0964\\u06D4\\u060C)]+";

    /** Names llama.cpp knows whose pre-tokenizer Gannet does not implement yet. */
    private static final Set<String> UNSUPPORTED = Set.of(
            "deepseek-v3", "hunyuan-dense", "joyai-llm", "hy_v4", "spark2_5", "youtu", "chameleon", "kimi-k2",
            "superbpe", "afmoe", "gemma4", "granite-embed-multi-311m", "granite-embed-multi-97m", "sarvam-moe",
            "whitespace", "jais-2", "laguna", "exaone-moe", "minicpm5", "tiny_aya", "cohere2moe", "jina-v1-en",
            "jina-v2-code", "roberta-bpe", "ufakzeka");

    private PreTokenizerTable() {
    }

    /**
     * The pre-tokenizer named {@code name}; an absent or empty name means llama.cpp's default.
     *
     * @throws TokenizerException naming the value when it is unknown or not supported
     */
    static PreTokenizer forName(String name, String source) {
        return switch (name) {
            case "", "default" -> PreTokenizer.of("default",
                    "[\\p{P}\\$\\+<=>\\^~\\|]+", GPT2, "\\p{N}+", "[0-9][0-9][0-9]");
            case "llama3", "llama-v3", "llama-bpe", "falcon3", "falcon-h1", "pixtral", "midm-2.0", "lfm2",
                 "jina-v5-nano" -> PreTokenizer.of(name, LLAMA3).ignoringMerges().addingBos();
            case "dbrx", "smaug-bpe", "chatglm-bpe", "glm4" -> PreTokenizer.of(name, LLAMA3);
            case "deepseek-llm" -> PreTokenizer.of(name,
                    "[\\r\\n]",
                    // Cased letters (Lu, Ll, Lt): DeepSeek lists them as ranges of Unicode 11.
                    "\\s?\\p{LC}+",
                    "\\s?[!-/:-~\\uFF01-\\uFF0F\\uFF1A-\\uFF5E\\u2018-\\u201F\\u3000-\\u3002]+",
                    "\\s+\\z",
                    DEEPSEEK_CJK,
                    "\\p{N}+");
            case "deepseek-coder" -> PreTokenizer.of(name,
                    "[\\r\\n]", "\\s?\\p{L}+", "\\s?\\p{P}+", DEEPSEEK_CJK, "\\p{N}");
            case "falcon" -> PreTokenizer.of(name, "[\\p{P}\\$\\+<=>\\^~\\|`]+", GPT2, "[0-9][0-9][0-9]");
            case "gpt-2", "mpt", "olmo", "jais", "trillion", "granite-docling", "phi-2", "jina-es", "jina-de",
                 "jina-v2-es", "jina-v2-de", "gigachat", "a.x-4.0", "mellum", "modern-bert", "exaone4" ->
                    PreTokenizer.of(name, GPT2);
            case "starcoder", "refact", "command-r", "smollm", "codeshell", "exaone", "minerva-7b", "mellum2" ->
                    PreTokenizer.of(name, "\\p{N}", GPT2);
            case "qwen2", "deepseek-r1-qwen", "kormo", "f2llmv2", "megrez", "stablelm2", "hunyuan", "solar-open",
                 "grok-2" -> PreTokenizer.of(name, QWEN2);
            case "qwen35" -> PreTokenizer.of(name, QWEN35);
            case "seed-coder" -> PreTokenizer.of(name, SEED_CODER);
            case "bailingmoe", "bailingmoe2", "llada-moe" -> PreTokenizer.of(name, BAILINGMOE);
            case "tekken" -> PreTokenizer.of(name, TEKKEN).ignoringMerges().addingBos();
            case "gpt-4o", "llama4", "kanana2", "talkie", "minimax-m2" -> PreTokenizer.of(name, GPT4O);
            case "viking" -> PreTokenizer.of(name, BLOOM, "\\p{N}");
            case "poro-chat", "bloom", "gpt3-finnish" -> PreTokenizer.of(name, BLOOM);
            default -> throw new TokenizerException(source, UNSUPPORTED.contains(name)
                    ? "pre-tokenizer " + GgufFormatException.quote(name) + " (tokenizer.ggml.pre) is not supported by Gannet yet"
                    : "unknown pre-tokenizer " + GgufFormatException.quote(name) + " (tokenizer.ggml.pre)");
        };
    }
}

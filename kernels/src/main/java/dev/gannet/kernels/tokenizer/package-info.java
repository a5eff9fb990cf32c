/**
 * Tokenizers built from GGUF metadata, tokenizing exactly as llama.cpp does (its test vectors are the
 * tests here).
 *
 * <p>Entry point: {@link dev.gannet.kernels.tokenizer.Tokenizer#fromGguf}. Two families:
 * SentencePiece ({@code tokenizer.ggml.model = llama}: score-ordered merges over characters, byte
 * fallback, {@code ▁} for spaces) and byte-level BPE ({@code gpt2}: a regex pre-tokenizer chosen by
 * {@code tokenizer.ggml.pre}, GPT-2's byte alphabet, rank-ordered merges). Both first split special
 * tokens written in the text out of it ({@code SpecialTokenSplitter}).
 * Generated tokens become text through a {@link dev.gannet.kernels.tokenizer.StreamingDecoder}.
 *
 * <p>Building one: {@code TokenizerLoader} reads the {@code Vocabulary}, the
 * {@code SpecialTokenResolver} settles BOS/EOS/EOT and the end-of-generation set, then the
 * tokenizer of the model's family is made. Failures are {@link dev.gannet.kernels.tokenizer.TokenizerException}s
 * naming the file and the key or value at fault.
 */
package dev.gannet.kernels.tokenizer;

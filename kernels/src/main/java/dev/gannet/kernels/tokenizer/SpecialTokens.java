package dev.gannet.kernels.tokenizer;

import java.util.List;

/**
 * The special token ids of a vocabulary and whether {@code encode(..., addSpecial = true, ...)} adds
 * BOS and EOS. An absent token is {@link #NONE}.
 *
 * @param bos              beginning of sequence ({@code tokenizer.ggml.bos_token_id})
 * @param eos              end of sequence ({@code tokenizer.ggml.eos_token_id})
 * @param eot              end of turn ({@code tokenizer.ggml.eot_token_id}, else found by its text,
 *                         e.g. {@code <|eot_id|>}, {@code <|im_end|>}, {@code <end_of_turn>})
 * @param eom              end of message ({@code tokenizer.ggml.eom_token_id}, else {@code <|eom_id|>})
 * @param unknown          stands for text the vocabulary cannot spell ({@code tokenizer.ggml.unknown_token_id})
 * @param padding          {@code tokenizer.ggml.padding_token_id}
 * @param separator        {@code tokenizer.ggml.seperator_token_id} (sic: the GGUF key is misspelt)
 * @param addBos           whether encoding with special tokens starts with {@code bos}
 * @param addEos           whether encoding with special tokens ends with {@code eos}
 * @param endOfGeneration  every token that ends generation, ascending
 */
public record SpecialTokens(int bos, int eos, int eot, int eom, int unknown, int padding, int separator,
                            boolean addBos, boolean addEos, List<Integer> endOfGeneration) {
    /** The id of a token the vocabulary does not have. */
    public static final int NONE = -1;

    public SpecialTokens {
        endOfGeneration = List.copyOf(endOfGeneration);
    }
}

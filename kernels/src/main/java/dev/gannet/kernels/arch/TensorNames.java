package dev.gannet.kernels.arch;

/** The GGUF tensor names shared by every supported architecture (llama.cpp's LLM_TENSOR names). */
public final class TensorNames {
    public static final String TOKEN_EMBEDDING = "token_embd.weight";
    public static final String OUTPUT_NORM = "output_norm.weight";
    public static final String OUTPUT = "output.weight";
    /** Llama 3.x long-context RoPE: per-frequency divisors. */
    public static final String ROPE_FREQUENCIES = "rope_freqs.weight";

    private TensorNames() {
    }

    /** A per-block tensor: {@code blk.<layer>.<name>.weight} (or {@code .bias}). */
    public static String block(int layer, String name) {
        return "blk." + layer + "." + name;
    }

    public static final String ATTN_NORM = "attn_norm.weight";
    public static final String ATTN_Q = "attn_q.weight";
    public static final String ATTN_K = "attn_k.weight";
    public static final String ATTN_V = "attn_v.weight";
    public static final String ATTN_Q_BIAS = "attn_q.bias";
    public static final String ATTN_K_BIAS = "attn_k.bias";
    public static final String ATTN_V_BIAS = "attn_v.bias";
    public static final String ATTN_QKV = "attn_qkv.weight";
    public static final String ATTN_Q_NORM = "attn_q_norm.weight";
    public static final String ATTN_K_NORM = "attn_k_norm.weight";
    public static final String ATTN_OUTPUT = "attn_output.weight";
    public static final String ATTN_POST_NORM = "post_attention_norm.weight";
    public static final String FFN_NORM = "ffn_norm.weight";
    public static final String FFN_GATE = "ffn_gate.weight";
    public static final String FFN_UP = "ffn_up.weight";
    public static final String FFN_DOWN = "ffn_down.weight";
    public static final String FFN_POST_NORM = "post_ffw_norm.weight";
}
